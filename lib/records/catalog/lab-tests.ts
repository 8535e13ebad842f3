/**
 * The laboratory tests a BHU/RHC orders or a patient brings a paper report of. Ranges are those of
 * a non-pregnant adult, for a flag beside the value: the clinician reads the value against the
 * patient (a child, a pregnancy, the lab's own range). LOINC codes only where the code is certain.
 */

export type LabResultKind = "numeric" | "positive_negative" | "text";

export type LabTest = {
  code: string;
  en: string;
  ur: string;
  resultKind: LabResultKind;
  unit?: string;
  low?: number;
  high?: number;
  loinc?: string;
};

export const labTests: readonly LabTest[] = [
  { code: "hb", en: "Haemoglobin (Hb)", ur: "ہیموگلوبن (خون کی مقدار)", resultKind: "numeric", unit: "g/dL", low: 12, high: 17, loinc: "718-7" },
  { code: "cbc", en: "Complete blood count (CBC)", ur: "خون کا مکمل ٹیسٹ (سی بی سی)", resultKind: "text", loinc: "58410-2" },
  { code: "tlc", en: "White cell count (TLC)", ur: "خون کے سفید خلیے (ٹی ایل سی)", resultKind: "numeric", unit: "×10³/µL", low: 4, high: 11, loinc: "6690-2" },
  { code: "platelets", en: "Platelet count", ur: "پلیٹ لیٹس", resultKind: "numeric", unit: "×10³/µL", low: 150, high: 400, loinc: "777-3" },
  { code: "esr", en: "ESR", ur: "ای ایس آر", resultKind: "numeric", unit: "mm/h", high: 20, loinc: "4537-7" },
  { code: "crp", en: "C-reactive protein (CRP)", ur: "سی آر پی (سوزش کا ٹیسٹ)", resultKind: "numeric", unit: "mg/L", high: 5, loinc: "1988-5" },
  { code: "rbs", en: "Random blood glucose", ur: "شوگر ٹیسٹ (کسی بھی وقت)", resultKind: "numeric", unit: "mg/dL", low: 70, high: 140, loinc: "2339-0" },
  { code: "fbs", en: "Fasting blood glucose", ur: "شوگر ٹیسٹ (خالی پیٹ)", resultKind: "numeric", unit: "mg/dL", low: 70, high: 100, loinc: "1558-6" },
  { code: "hba1c", en: "HbA1c", ur: "تین مہینے کی شوگر (ایچ بی اے ون سی)", resultKind: "numeric", unit: "%", high: 5.6, loinc: "4548-4" },
  { code: "urine_re", en: "Urine routine examination (R/E)", ur: "پیشاب کا معائنہ (یورین آر ای)", resultKind: "text", loinc: "24356-8" },
  { code: "urine_culture", en: "Urine culture", ur: "پیشاب کا کلچر", resultKind: "text", loinc: "630-4" },
  { code: "urine_pregnancy", en: "Urine pregnancy test", ur: "حمل کا ٹیسٹ (پیشاب)", resultKind: "positive_negative", loinc: "2106-3" },
  { code: "stool_re", en: "Stool routine examination (R/E)", ur: "پاخانے کا معائنہ", resultKind: "text" },
  { code: "malaria_rdt", en: "Malaria rapid test (RDT)", ur: "ملیریا کا فوری ٹیسٹ (آر ڈی ٹی)", resultKind: "positive_negative" },
  { code: "malaria_slide", en: "Malaria slide (MP)", ur: "ملیریا کی سلائیڈ (ایم پی)", resultKind: "text", loinc: "32700-7" },
  { code: "sputum_afb", en: "Sputum smear for TB (AFB)", ur: "بلغم کا ٹی بی ٹیسٹ (اے ایف بی)", resultKind: "positive_negative", loinc: "11545-1" },
  { code: "genexpert", en: "GeneXpert MTB/RIF", ur: "جین ایکسپرٹ (ٹی بی کا ٹیسٹ)", resultKind: "text" },
  { code: "hbsag", en: "Hepatitis B surface antigen (HBsAg)", ur: "ہیپاٹائٹس بی کا ٹیسٹ (ایچ بی ایس اے جی)", resultKind: "positive_negative", loinc: "5196-1" },
  { code: "anti_hcv", en: "Hepatitis C antibody (anti-HCV)", ur: "ہیپاٹائٹس سی کا ٹیسٹ (اینٹی ایچ سی وی)", resultKind: "positive_negative", loinc: "13955-0" },
  { code: "hiv_rapid", en: "HIV rapid test", ur: "ایچ آئی وی کا فوری ٹیسٹ", resultKind: "positive_negative" },
  { code: "syphilis_rpr", en: "Syphilis test (RPR/VDRL)", ur: "آتشک کا ٹیسٹ (وی ڈی آر ایل)", resultKind: "positive_negative" },
  { code: "typhidot", en: "Typhidot", ur: "ٹائیفی ڈاٹ (ٹائیفائیڈ کا ٹیسٹ)", resultKind: "positive_negative" },
  { code: "widal", en: "Widal test", ur: "وائیڈل ٹیسٹ", resultKind: "text" },
  { code: "dengue_ns1", en: "Dengue NS1 antigen", ur: "ڈینگی کا ٹیسٹ (این ایس ون)", resultKind: "positive_negative" },
  { code: "blood_group", en: "Blood group and Rh", ur: "بلڈ گروپ", resultKind: "text", loinc: "882-1" },
  { code: "lipid_profile", en: "Lipid profile", ur: "چکنائی کا ٹیسٹ (لپڈ پروفائل)", resultKind: "text", loinc: "24331-1" },
  { code: "cholesterol", en: "Total cholesterol", ur: "کولیسٹرول", resultKind: "numeric", unit: "mg/dL", high: 200, loinc: "2093-3" },
  { code: "triglycerides", en: "Triglycerides", ur: "ٹرائی گلیسرائیڈز", resultKind: "numeric", unit: "mg/dL", high: 150, loinc: "2571-8" },
  { code: "hdl", en: "HDL cholesterol", ur: "اچھا کولیسٹرول (ایچ ڈی ایل)", resultKind: "numeric", unit: "mg/dL", low: 40, loinc: "2085-9" },
  { code: "ldl", en: "LDL cholesterol", ur: "برا کولیسٹرول (ایل ڈی ایل)", resultKind: "numeric", unit: "mg/dL", high: 130, loinc: "13457-7" },
  { code: "creatinine", en: "Serum creatinine", ur: "کریٹینین (گردوں کا ٹیسٹ)", resultKind: "numeric", unit: "mg/dL", low: 0.6, high: 1.3, loinc: "2160-0" },
  { code: "urea", en: "Blood urea", ur: "یوریا (گردوں کا ٹیسٹ)", resultKind: "numeric", unit: "mg/dL", low: 15, high: 45, loinc: "3091-6" },
  { code: "sodium", en: "Sodium", ur: "سوڈیم", resultKind: "numeric", unit: "mmol/L", low: 135, high: 145, loinc: "2951-2" },
  { code: "potassium", en: "Potassium", ur: "پوٹاشیم", resultKind: "numeric", unit: "mmol/L", low: 3.5, high: 5, loinc: "2823-3" },
  { code: "alt", en: "ALT (SGPT)", ur: "اے ایل ٹی (جگر کا ٹیسٹ)", resultKind: "numeric", unit: "U/L", high: 40, loinc: "1742-6" },
  { code: "bilirubin", en: "Total bilirubin", ur: "بلیروبن (یرقان کا ٹیسٹ)", resultKind: "numeric", unit: "mg/dL", high: 1.2, loinc: "1975-2" },
  { code: "uric_acid", en: "Uric acid", ur: "یورک ایسڈ", resultKind: "numeric", unit: "mg/dL", high: 7, loinc: "3084-1" },
  { code: "tsh", en: "TSH", ur: "ٹی ایس ایچ (تھائیرائیڈ کا ٹیسٹ)", resultKind: "numeric", unit: "mIU/L", low: 0.4, high: 4, loinc: "3016-3" },
  { code: "ferritin", en: "Serum ferritin", ur: "فیریٹن (آئرن کا ذخیرہ)", resultKind: "numeric", unit: "ng/mL", low: 15, high: 300, loinc: "2276-4" },
  { code: "vitamin_d", en: "Vitamin D (25-OH)", ur: "وٹامن ڈی", resultKind: "numeric", unit: "ng/mL", low: 20, high: 100, loinc: "1989-3" },
];

const byCode = new Map(labTests.map((test) => [test.code, test]));

/** The lab test with this code, or undefined. */
export function findLabTest(code: string): LabTest | undefined {
  return byCode.get(code);
}

export type LabResultFlag = "low" | "high" | "normal" | "positive" | "negative";

// What a report or a person writes for a qualitative result, in English and Urdu.
const POSITIVE = new Set(["positive", "pos", "+", "+ve", "reactive", "detected", "مثبت", "پازیٹو"]);
const NEGATIVE = new Set(["negative", "neg", "-", "-ve", "non-reactive", "nonreactive", "not detected", "منفی", "نیگیٹو"]);

const URDU_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const toAscii = (text: string) =>
  text
    .replace(URDU_DIGITS, (digit) => {
      const cp = digit.codePointAt(0)!;
      return String(cp >= 0x06f0 ? cp - 0x06f0 : cp - 0x0660);
    })
    .replace(/[,\u066b]/g, ".");

/**
 * The flag for a result: "low"/"high"/"normal" for a numeric test with a range (bounds count as
 * normal), "positive"/"negative" for a qualitative one, null when the test has no range, is free
 * text, is unknown, or the value cannot be read.
 */
export function labResultFlag(test: LabTest | string, value: number | string): LabResultFlag | null {
  const found = typeof test === "string" ? findLabTest(test) : test;
  if (!found) return null;
  if (found.resultKind === "positive_negative") {
    const said = String(value).trim().toLowerCase();
    if (POSITIVE.has(said)) return "positive";
    if (NEGATIVE.has(said)) return "negative";
    return null;
  }
  if (found.resultKind !== "numeric" || (found.low === undefined && found.high === undefined)) return null;
  const text = typeof value === "number" ? String(value) : toAscii(value.trim());
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return null;
  const number = Number(text);
  if (found.low !== undefined && number < found.low) return "low";
  if (found.high !== undefined && number > found.high) return "high";
  return "normal";
}
