import type { AllergenGroupCode } from "./allergens";
import { createSearch } from "./search";

/**
 * The formulary of common primary-care medicines: generic (INN) names, strengths, forms and routes
 * taken from Pakistan's National Essential Medicines List and the WHO Model List of Essential
 * Medicines (23rd list, 2023); SOURCES.md says how entries are chosen and checked.
 */

export const dosageForms = [
  { code: "tablet", en: "Tablet", ur: "گولی" },
  { code: "dispersible_tablet", en: "Dispersible tablet", ur: "پانی میں گھلنے والی گولی" },
  { code: "chewable_tablet", en: "Chewable tablet", ur: "چبانے والی گولی" },
  { code: "sublingual_tablet", en: "Sublingual tablet", ur: "زبان کے نیچے رکھنے والی گولی" },
  { code: "vaginal_tablet", en: "Vaginal tablet", ur: "اندام نہانی کی گولی" },
  { code: "capsule", en: "Capsule", ur: "کیپسول" },
  { code: "syrup", en: "Syrup", ur: "شربت" },
  { code: "suspension", en: "Suspension", ur: "سسپنشن (ہلا کر پینے والا شربت)" },
  { code: "drops", en: "Oral drops", ur: "پینے کے قطرے" },
  { code: "sachet", en: "Sachet", ur: "ساشے (پیکٹ)" },
  { code: "powder", en: "Powder", ur: "پاؤڈر" },
  { code: "injection", en: "Injection", ur: "ٹیکا" },
  { code: "infusion", en: "Infusion (drip)", ur: "ڈرپ" },
  { code: "cream", en: "Cream", ur: "کریم" },
  { code: "ointment", en: "Ointment", ur: "مرہم" },
  { code: "lotion", en: "Lotion", ur: "لوشن" },
  { code: "gel", en: "Gel", ur: "جیل" },
  { code: "solution", en: "Solution", ur: "محلول" },
  { code: "inhaler", en: "Inhaler", ur: "انہیلر" },
  { code: "nebuliser_solution", en: "Nebuliser solution", ur: "نیبولائزر کا محلول" },
  { code: "suppository", en: "Suppository", ur: "شیاف (سپوزیٹری)" },
  { code: "eye_drops", en: "Eye drops", ur: "آنکھ کے قطرے" },
  { code: "eye_ointment", en: "Eye ointment", ur: "آنکھ کا مرہم" },
  { code: "ear_drops", en: "Ear drops", ur: "کان کے قطرے" },
  { code: "nasal_spray", en: "Nasal spray", ur: "ناک کا اسپرے" },
] as const;

export const routes = [
  { code: "oral", en: "By mouth", ur: "منہ سے" },
  { code: "sublingual", en: "Under the tongue", ur: "زبان کے نیچے" },
  { code: "iv", en: "Into a vein (IV)", ur: "نس میں (آئی وی)" },
  { code: "im", en: "Into a muscle (IM)", ur: "پٹھے میں (آئی ایم)" },
  { code: "sc", en: "Under the skin (SC)", ur: "جلد کے نیچے (ایس سی)" },
  { code: "topical", en: "On the skin", ur: "جلد پر" },
  { code: "inhaled", en: "Inhaled", ur: "سانس کے ذریعے" },
  { code: "rectal", en: "Rectal", ur: "مقعد میں" },
  { code: "vaginal", en: "Vaginal", ur: "اندام نہانی میں" },
  { code: "eye", en: "In the eye", ur: "آنکھ میں" },
  { code: "ear", en: "In the ear", ur: "کان میں" },
  { code: "nasal", en: "In the nose", ur: "ناک میں" },
] as const;

export type DosageForm = (typeof dosageForms)[number]["code"];
export type Route = (typeof routes)[number]["code"];
export type MedicineSource = "pk_nemlp" | "who_eml";

/**
 * The active ingredients of the formulary, each recordable as an allergen on its own (allergens.ts)
 * and each carrying the allergy groups it belongs to; a medicine's groups are those of its ingredients.
 */
export const ingredients = {
  paracetamol: { en: "Paracetamol", ur: "پیراسیٹامول", allergyGroups: [] },
  ibuprofen: { en: "Ibuprofen", ur: "آئبوپروفین", allergyGroups: ["nsaids"] },
  diclofenac: { en: "Diclofenac", ur: "ڈائیکلوفینک", allergyGroups: ["nsaids"] },
  "acetylsalicylic-acid": { en: "Acetylsalicylic acid (aspirin)", ur: "اسپرین", allergyGroups: ["aspirin", "nsaids"] },
  morphine: { en: "Morphine", ur: "مارفین", allergyGroups: ["opioids"] },
  naloxone: { en: "Naloxone", ur: "نیلوکسون", allergyGroups: [] },
  amoxicillin: { en: "Amoxicillin", ur: "اموکسی سلین", allergyGroups: ["penicillins"] },
  "clavulanic-acid": { en: "Clavulanic acid", ur: "کلاوولانک ایسڈ", allergyGroups: [] },
  ampicillin: { en: "Ampicillin", ur: "ایمپی سلین", allergyGroups: ["penicillins"] },
  "benzathine-benzylpenicillin": { en: "Benzathine benzylpenicillin", ur: "بینزاتھین پنسلین", allergyGroups: ["penicillins"] },
  cloxacillin: { en: "Cloxacillin", ur: "کلوکساسلین", allergyGroups: ["penicillins"] },
  cefalexin: { en: "Cefalexin", ur: "سیفالیکسن", allergyGroups: ["cephalosporins"] },
  cefixime: { en: "Cefixime", ur: "سیفکسیم", allergyGroups: ["cephalosporins"] },
  ceftriaxone: { en: "Ceftriaxone", ur: "سیفٹرائی ایکسون", allergyGroups: ["cephalosporins"] },
  azithromycin: { en: "Azithromycin", ur: "ایزیتھرومائسن", allergyGroups: ["macrolides"] },
  clarithromycin: { en: "Clarithromycin", ur: "کلیریتھرومائسن", allergyGroups: ["macrolides"] },
  ciprofloxacin: { en: "Ciprofloxacin", ur: "سپروفلوکساسن", allergyGroups: ["fluoroquinolones"] },
  levofloxacin: { en: "Levofloxacin", ur: "لیووفلوکساسن", allergyGroups: ["fluoroquinolones"] },
  doxycycline: { en: "Doxycycline", ur: "ڈاکسی سائکلین", allergyGroups: ["tetracyclines"] },
  tetracycline: { en: "Tetracycline", ur: "ٹیٹراسائکلین", allergyGroups: ["tetracyclines"] },
  metronidazole: { en: "Metronidazole", ur: "میٹرونیڈازول", allergyGroups: [] },
  sulfamethoxazole: { en: "Sulfamethoxazole", ur: "سلفامیتھوکسازول", allergyGroups: ["sulfonamides"] },
  trimethoprim: { en: "Trimethoprim", ur: "ٹرائی میتھوپرم", allergyGroups: [] },
  nitrofurantoin: { en: "Nitrofurantoin", ur: "نائٹروفیورنٹوئن", allergyGroups: [] },
  gentamicin: { en: "Gentamicin", ur: "جینٹامائسن", allergyGroups: ["aminoglycosides"] },
  fluconazole: { en: "Fluconazole", ur: "فلوکونازول", allergyGroups: [] },
  miconazole: { en: "Miconazole", ur: "مائیکونازول", allergyGroups: [] },
  clotrimazole: { en: "Clotrimazole", ur: "کلوٹرائمازول", allergyGroups: [] },
  nystatin: { en: "Nystatin", ur: "نسٹاٹن", allergyGroups: [] },
  terbinafine: { en: "Terbinafine", ur: "ٹربینافین", allergyGroups: [] },
  permethrin: { en: "Permethrin", ur: "پرمیتھرین", allergyGroups: [] },
  "benzyl-benzoate": { en: "Benzyl benzoate", ur: "بینزائل بینزوایٹ", allergyGroups: [] },
  albendazole: { en: "Albendazole", ur: "البینڈازول", allergyGroups: [] },
  mebendazole: { en: "Mebendazole", ur: "میبینڈازول", allergyGroups: [] },
  artemether: { en: "Artemether", ur: "آرٹیمیتھر", allergyGroups: [] },
  lumefantrine: { en: "Lumefantrine", ur: "لومیفینٹرین", allergyGroups: [] },
  chloroquine: { en: "Chloroquine", ur: "کلوروکوئن", allergyGroups: [] },
  primaquine: { en: "Primaquine", ur: "پریماکوئن", allergyGroups: [] },
  artesunate: { en: "Artesunate", ur: "آرٹیسونیٹ", allergyGroups: [] },
  rifampicin: { en: "Rifampicin", ur: "رفامپیسن", allergyGroups: [] },
  isoniazid: { en: "Isoniazid", ur: "آئسونیازڈ", allergyGroups: [] },
  pyrazinamide: { en: "Pyrazinamide", ur: "پائرازینامائیڈ", allergyGroups: [] },
  ethambutol: { en: "Ethambutol", ur: "ایتھامبیوٹول", allergyGroups: [] },
  aciclovir: { en: "Aciclovir", ur: "ایسائکلوویر", allergyGroups: [] },
  oseltamivir: { en: "Oseltamivir", ur: "اوسیلٹامیویر", allergyGroups: [] },
  sofosbuvir: { en: "Sofosbuvir", ur: "سوفوسبوویر", allergyGroups: [] },
  daclatasvir: { en: "Daclatasvir", ur: "ڈاکلاٹاسویر", allergyGroups: [] },
  "tenofovir-disoproxil": { en: "Tenofovir disoproxil", ur: "ٹینوفوویر", allergyGroups: [] },
  chlorphenamine: { en: "Chlorphenamine", ur: "کلورفینیرامین", allergyGroups: [] },
  loratadine: { en: "Loratadine", ur: "لوراٹاڈین", allergyGroups: [] },
  epinephrine: { en: "Epinephrine (adrenaline)", ur: "ایڈرینالین", allergyGroups: [] },
  hydrocortisone: { en: "Hydrocortisone", ur: "ہائیڈروکورٹیزون", allergyGroups: [] },
  prednisolone: { en: "Prednisolone", ur: "پریڈنیسولون", allergyGroups: [] },
  dexamethasone: { en: "Dexamethasone", ur: "ڈیکسامیتھازون", allergyGroups: [] },
  betamethasone: { en: "Betamethasone", ur: "بیٹامیتھازون", allergyGroups: [] },
  salbutamol: { en: "Salbutamol", ur: "سالبیوٹامول", allergyGroups: [] },
  beclometasone: { en: "Beclometasone", ur: "بیکلومیتھازون", allergyGroups: [] },
  ipratropium: { en: "Ipratropium", ur: "اپراٹروپیم", allergyGroups: [] },
  omeprazole: { en: "Omeprazole", ur: "اومیپرازول", allergyGroups: [] },
  metoclopramide: { en: "Metoclopramide", ur: "میٹوکلوپرامائیڈ", allergyGroups: [] },
  ondansetron: { en: "Ondansetron", ur: "اونڈانسیٹرون", allergyGroups: [] },
  "hyoscine-butylbromide": { en: "Hyoscine butylbromide", ur: "ہائیوسین بیوٹائل برومائیڈ", allergyGroups: [] },
  lactulose: { en: "Lactulose", ur: "لیکٹولوز", allergyGroups: [] },
  "oral-rehydration-salts": { en: "Oral rehydration salts (ORS)", ur: "او آر ایس (نمکول)", allergyGroups: [] },
  "zinc-sulfate": { en: "Zinc sulfate", ur: "زنک سلفیٹ", allergyGroups: [] },
  "sodium-chloride": { en: "Sodium chloride (saline)", ur: "سوڈیم کلورائیڈ (نمکین پانی)", allergyGroups: [] },
  "compound-sodium-lactate": { en: "Compound sodium lactate (Ringer's lactate)", ur: "رنگر لیکٹیٹ", allergyGroups: [] },
  glucose: { en: "Glucose", ur: "گلوکوز", allergyGroups: [] },
  "ferrous-sulfate": { en: "Ferrous sulfate (iron)", ur: "فیرس سلفیٹ (آئرن)", allergyGroups: [] },
  "folic-acid": { en: "Folic acid", ur: "فولک ایسڈ", allergyGroups: [] },
  "calcium-carbonate": { en: "Calcium carbonate", ur: "کیلشیم کاربونیٹ", allergyGroups: [] },
  colecalciferol: { en: "Colecalciferol (vitamin D)", ur: "وٹامن ڈی (کولیکیلسیفیرول)", allergyGroups: [] },
  retinol: { en: "Retinol (vitamin A)", ur: "وٹامن اے (ریٹینول)", allergyGroups: [] },
  amlodipine: { en: "Amlodipine", ur: "ایملوڈیپین", allergyGroups: [] },
  enalapril: { en: "Enalapril", ur: "اینالاپرل", allergyGroups: ["ace_inhibitors"] },
  captopril: { en: "Captopril", ur: "کیپٹوپرل", allergyGroups: ["ace_inhibitors"] },
  losartan: { en: "Losartan", ur: "لوسارٹن", allergyGroups: [] },
  hydrochlorothiazide: { en: "Hydrochlorothiazide", ur: "ہائیڈروکلوروتھیازائیڈ", allergyGroups: [] },
  atenolol: { en: "Atenolol", ur: "ایٹینولول", allergyGroups: [] },
  bisoprolol: { en: "Bisoprolol", ur: "بیسوپرولول", allergyGroups: [] },
  methyldopa: { en: "Methyldopa", ur: "میتھائل ڈوپا", allergyGroups: [] },
  furosemide: { en: "Furosemide", ur: "فیوروسیمائیڈ", allergyGroups: [] },
  spironolactone: { en: "Spironolactone", ur: "اسپائرونولیکٹون", allergyGroups: [] },
  simvastatin: { en: "Simvastatin", ur: "سمواسٹیٹن", allergyGroups: [] },
  atorvastatin: { en: "Atorvastatin", ur: "ایٹورواسٹیٹن", allergyGroups: [] },
  "isosorbide-dinitrate": { en: "Isosorbide dinitrate", ur: "آئسوسوربائیڈ ڈائی نائٹریٹ", allergyGroups: [] },
  clopidogrel: { en: "Clopidogrel", ur: "کلوپیڈوگریل", allergyGroups: [] },
  metformin: { en: "Metformin", ur: "میٹفارمن", allergyGroups: [] },
  gliclazide: { en: "Gliclazide", ur: "گلیکلازائیڈ", allergyGroups: [] },
  glibenclamide: { en: "Glibenclamide", ur: "گلیبینکلامائیڈ", allergyGroups: [] },
  "insulin-soluble": { en: "Insulin, soluble (regular)", ur: "انسولین (ریگولر)", allergyGroups: [] },
  "insulin-isophane": { en: "Insulin, isophane (NPH)", ur: "انسولین (این پی ایچ)", allergyGroups: [] },
  carbamazepine: { en: "Carbamazepine", ur: "کاربامازیپین", allergyGroups: ["anticonvulsants"] },
  phenobarbital: { en: "Phenobarbital", ur: "فینوباربیٹون", allergyGroups: ["anticonvulsants"] },
  "valproic-acid": { en: "Valproic acid (sodium valproate)", ur: "سوڈیم ویلپروایٹ", allergyGroups: [] },
  diazepam: { en: "Diazepam", ur: "ڈائیزیپام", allergyGroups: [] },
  fluoxetine: { en: "Fluoxetine", ur: "فلوکسیٹین", allergyGroups: [] },
  amitriptyline: { en: "Amitriptyline", ur: "ایمی ٹرپٹائلین", allergyGroups: [] },
  haloperidol: { en: "Haloperidol", ur: "ہیلوپیریڈول", allergyGroups: [] },
  risperidone: { en: "Risperidone", ur: "رسپیریڈون", allergyGroups: [] },
  oxytocin: { en: "Oxytocin", ur: "آکسیٹوسن", allergyGroups: [] },
  misoprostol: { en: "Misoprostol", ur: "مسوپروسٹول", allergyGroups: [] },
  "magnesium-sulfate": { en: "Magnesium sulfate", ur: "میگنیشیم سلفیٹ", allergyGroups: [] },
  medroxyprogesterone: { en: "Medroxyprogesterone", ur: "میڈروکسی پروجیسٹرون", allergyGroups: [] },
  levonorgestrel: { en: "Levonorgestrel", ur: "لیوونورجیسٹریل", allergyGroups: [] },
  ethinylestradiol: { en: "Ethinylestradiol", ur: "ایتھینائل ایسٹراڈائیول", allergyGroups: [] },
  // Labelled with a caution for sulfonamide allergy: the sulfa moiety is the same.
  "silver-sulfadiazine": { en: "Silver sulfadiazine", ur: "سلور سلفاڈائزین", allergyGroups: ["sulfonamides"] },
  mupirocin: { en: "Mupirocin", ur: "میوپیروسن", allergyGroups: [] },
  "povidone-iodine": { en: "Povidone-iodine", ur: "پوویڈون آیوڈین", allergyGroups: ["iodine"] },
  chlorhexidine: { en: "Chlorhexidine", ur: "کلورہیکسیڈین", allergyGroups: [] },
  xylometazoline: { en: "Xylometazoline", ur: "زائلومیٹازولین", allergyGroups: [] },
  levothyroxine: { en: "Levothyroxine", ur: "لیوو تھائراکسن", allergyGroups: [] },
  allopurinol: { en: "Allopurinol", ur: "ایلوپیورینول", allergyGroups: [] },
  atropine: { en: "Atropine", ur: "ایٹروپین", allergyGroups: [] },
  "activated-charcoal": { en: "Activated charcoal", ur: "ایکٹیویٹڈ چارکول", allergyGroups: [] },
  "snake-antivenom": { en: "Snake antivenom (polyvalent)", ur: "سانپ کے زہر کا تریاق (اے ایس وی)", allergyGroups: [] },
  "rabies-vaccine": { en: "Rabies vaccine", ur: "ریبیز ویکسین (اے آر وی)", allergyGroups: [] },
  "rabies-immunoglobulin": { en: "Rabies immunoglobulin", ur: "ریبیز امیونوگلوبولن (آر آئی جی)", allergyGroups: [] },
  "tetanus-diphtheria-vaccine": { en: "Tetanus-diphtheria vaccine (Td)", ur: "ٹیٹنس اور خناق کا ٹیکا (ٹی ڈی)", allergyGroups: [] },
} as const satisfies Record<string, { en: string; ur: string; allergyGroups: readonly AllergenGroupCode[] }>;

export type IngredientCode = keyof typeof ingredients;

/**
 * The classes a prescriber rarely means to give twice at once. Combinations that belong together
 * (regular with NPH insulin, sofosbuvir with daclatasvir, aspirin with clopidogrel, chloroquine
 * with primaquine) are in different classes so that they do not warn.
 */
export const therapeuticClasses = [
  { code: "simple_analgesic", en: "Simple painkiller", ur: "عام درد کش دوا" },
  { code: "nsaid", en: "NSAID painkiller", ur: "درد اور سوجن کی دوا (این ایس اے آئی ڈی)" },
  { code: "opioid", en: "Opioid painkiller", ur: "افیون والی درد کش دوا" },
  { code: "opioid_antagonist", en: "Opioid antidote", ur: "افیون کے اثر کا تریاق" },
  { code: "antiplatelet", en: "Antiplatelet (aspirin)", ur: "خون پتلا کرنے والی دوا (اسپرین)" },
  { code: "p2y12_inhibitor", en: "Antiplatelet (P2Y12 inhibitor)", ur: "خون پتلا کرنے والی دوا (کلوپیڈوگریل)" },
  { code: "penicillin", en: "Penicillin antibiotic", ur: "پنسلین گروپ کی اینٹی بائیوٹک" },
  { code: "cephalosporin", en: "Cephalosporin antibiotic", ur: "سیفالوسپورن گروپ کی اینٹی بائیوٹک" },
  { code: "macrolide", en: "Macrolide antibiotic", ur: "میکرولائیڈ گروپ کی اینٹی بائیوٹک" },
  { code: "fluoroquinolone", en: "Fluoroquinolone antibiotic", ur: "کوئنولون گروپ کی اینٹی بائیوٹک" },
  { code: "tetracycline", en: "Tetracycline antibiotic", ur: "ٹیٹراسائکلین گروپ کی اینٹی بائیوٹک" },
  { code: "nitroimidazole", en: "Nitroimidazole (metronidazole)", ur: "میٹرونیڈازول گروپ" },
  { code: "sulfonamide_antibacterial", en: "Sulfa antibiotic", ur: "سلفا اینٹی بائیوٹک" },
  { code: "urinary_antibacterial", en: "Urinary antibiotic", ur: "پیشاب کے انفیکشن کی اینٹی بائیوٹک" },
  { code: "aminoglycoside", en: "Aminoglycoside antibiotic", ur: "امینوگلائیکوسائیڈ اینٹی بائیوٹک" },
  { code: "systemic_antifungal", en: "Antifungal (by mouth)", ur: "پھپھوندی کی دوا (کھانے والی)" },
  { code: "topical_antifungal", en: "Antifungal (skin or vaginal)", ur: "پھپھوندی کی دوا (لگانے والی)" },
  { code: "scabicide", en: "Scabies treatment", ur: "خارش (سکیبیز) کی دوا" },
  { code: "anthelmintic", en: "Deworming medicine", ur: "پیٹ کے کیڑوں کی دوا" },
  { code: "antimalarial", en: "Antimalarial (treatment)", ur: "ملیریا کی دوا" },
  { code: "antimalarial_radical_cure", en: "Antimalarial (relapse prevention)", ur: "ملیریا دوبارہ ہونے سے بچاؤ کی دوا" },
  { code: "antituberculosis", en: "TB medicine", ur: "ٹی بی کی دوا" },
  { code: "antiviral_herpes", en: "Antiviral (herpes)", ur: "ہرپیز کی اینٹی وائرل دوا" },
  { code: "antiviral_influenza", en: "Antiviral (influenza)", ur: "فلو کی اینٹی وائرل دوا" },
  { code: "hcv_ns5b_inhibitor", en: "Hepatitis C medicine (NS5B)", ur: "ہیپاٹائٹس سی کی دوا (سوفوسبوویر)" },
  { code: "hcv_ns5a_inhibitor", en: "Hepatitis C medicine (NS5A)", ur: "ہیپاٹائٹس سی کی دوا (ڈاکلاٹاسویر)" },
  { code: "hbv_antiviral", en: "Hepatitis B medicine", ur: "ہیپاٹائٹس بی کی دوا" },
  { code: "antihistamine", en: "Antihistamine", ur: "الرجی کی دوا (اینٹی ہسٹامین)" },
  { code: "adrenergic_emergency", en: "Adrenaline (anaphylaxis)", ur: "ایڈرینالین (شدید الرجی)" },
  { code: "systemic_corticosteroid", en: "Steroid (by mouth or injection)", ur: "اسٹیرائیڈ (کھانے یا ٹیکے والا)" },
  { code: "topical_corticosteroid", en: "Steroid cream", ur: "اسٹیرائیڈ کریم" },
  { code: "short_acting_bronchodilator", en: "Reliever inhaler (salbutamol)", ur: "سانس کھولنے والی دوا (سالبیوٹامول)" },
  { code: "inhaled_corticosteroid", en: "Preventer inhaler (steroid)", ur: "دمے سے بچاؤ کا انہیلر (اسٹیرائیڈ)" },
  { code: "inhaled_antimuscarinic", en: "Inhaled antimuscarinic", ur: "سانس کھولنے والا انہیلر (اپراٹروپیم)" },
  { code: "proton_pump_inhibitor", en: "Acid reducer (PPI)", ur: "تیزابیت کم کرنے والی دوا (پی پی آئی)" },
  { code: "antiemetic", en: "Anti-sickness medicine", ur: "الٹی روکنے والی دوا" },
  { code: "antispasmodic", en: "Antispasmodic", ur: "پیٹ کے مروڑ کی دوا" },
  { code: "laxative", en: "Laxative", ur: "قبض کشا دوا" },
  { code: "oral_rehydration", en: "Oral rehydration", ur: "او آر ایس (پانی کی کمی پوری کرنا)" },
  { code: "zinc_supplement", en: "Zinc (diarrhoea)", ur: "زنک (دستوں کے لیے)" },
  { code: "iv_fluid", en: "IV fluid", ur: "ڈرپ (نس میں پانی)" },
  { code: "hypoglycaemia_rescue", en: "Glucose for low sugar", ur: "شوگر کم ہونے پر گلوکوز" },
  { code: "iron_supplement", en: "Iron", ur: "آئرن (فولاد)" },
  { code: "folate_supplement", en: "Folic acid", ur: "فولک ایسڈ" },
  { code: "calcium_supplement", en: "Calcium", ur: "کیلشیم" },
  { code: "vitamin_d", en: "Vitamin D", ur: "وٹامن ڈی" },
  { code: "vitamin_a", en: "Vitamin A", ur: "وٹامن اے" },
  { code: "calcium_channel_blocker", en: "Calcium channel blocker", ur: "بلڈ پریشر کی دوا (کیلشیم چینل بلاکر)" },
  { code: "ace_inhibitor", en: "ACE inhibitor", ur: "بلڈ پریشر کی دوا (اے سی ای انہیبیٹر)" },
  { code: "angiotensin_receptor_blocker", en: "Angiotensin receptor blocker", ur: "بلڈ پریشر کی دوا (اے آر بی)" },
  { code: "thiazide_diuretic", en: "Thiazide diuretic", ur: "پیشاب آور دوا (تھیازائیڈ)" },
  { code: "beta_blocker", en: "Beta blocker", ur: "بیٹا بلاکر" },
  { code: "central_antihypertensive", en: "Methyldopa", ur: "میتھائل ڈوپا (حمل میں بلڈ پریشر)" },
  { code: "loop_diuretic", en: "Loop diuretic", ur: "پیشاب آور دوا (فیوروسیمائیڈ)" },
  { code: "potassium_sparing_diuretic", en: "Potassium-sparing diuretic", ur: "پیشاب آور دوا (اسپائرونولیکٹون)" },
  { code: "statin", en: "Statin (cholesterol)", ur: "کولیسٹرول کی دوا (اسٹیٹن)" },
  { code: "nitrate", en: "Nitrate (angina)", ur: "دل کے درد کی دوا (نائٹریٹ)" },
  { code: "biguanide", en: "Metformin", ur: "شوگر کی دوا (میٹفارمن)" },
  { code: "sulfonylurea", en: "Sulfonylurea", ur: "شوگر کی دوا (سلفونائل یوریا)" },
  { code: "insulin_short", en: "Short-acting insulin", ur: "جلد اثر کرنے والی انسولین" },
  { code: "insulin_intermediate", en: "Intermediate-acting insulin", ur: "درمیانی مدت کی انسولین" },
  { code: "antiepileptic", en: "Antiepileptic", ur: "مرگی کی دوا" },
  { code: "benzodiazepine", en: "Benzodiazepine", ur: "سکون آور دوا (بینزوڈایازیپین)" },
  { code: "ssri_antidepressant", en: "Antidepressant (SSRI)", ur: "ڈپریشن کی دوا (ایس ایس آر آئی)" },
  { code: "tricyclic_antidepressant", en: "Antidepressant (tricyclic)", ur: "ڈپریشن کی دوا (ٹرائی سائکلک)" },
  { code: "antipsychotic", en: "Antipsychotic", ur: "ذہنی بیماری کی دوا (اینٹی سائیکوٹک)" },
  { code: "uterotonic", en: "Uterotonic (PPH)", ur: "زچگی کے بعد خون روکنے والی دوا" },
  { code: "magnesium_sulfate", en: "Magnesium sulfate (eclampsia)", ur: "میگنیشیم سلفیٹ (حمل کے جھٹکے)" },
  { code: "hormonal_contraceptive", en: "Hormonal contraceptive", ur: "مانع حمل دوا" },
  { code: "emergency_contraceptive", en: "Emergency contraceptive", ur: "ہنگامی مانع حمل گولی" },
  { code: "topical_antibacterial", en: "Antibiotic cream", ur: "اینٹی بائیوٹک کریم" },
  { code: "antiseptic", en: "Antiseptic", ur: "جراثیم کش محلول" },
  { code: "cord_care", en: "Umbilical cord care", ur: "ناف کی دیکھ بھال" },
  { code: "ophthalmic_antibacterial", en: "Antibiotic for the eye", ur: "آنکھ کی اینٹی بائیوٹک" },
  { code: "otic_antibacterial", en: "Antibiotic for the ear", ur: "کان کی اینٹی بائیوٹک" },
  { code: "nasal_decongestant", en: "Nasal decongestant", ur: "بند ناک کھولنے والی دوا" },
  { code: "thyroid_hormone", en: "Thyroid hormone", ur: "تھائیرائیڈ ہارمون" },
  { code: "gout_prevention", en: "Gout prevention", ur: "گاؤٹ سے بچاؤ کی دوا" },
  { code: "antidote_anticholinergic", en: "Atropine (poisoning)", ur: "ایٹروپین (زہر کا علاج)" },
  { code: "adsorbent", en: "Activated charcoal (poisoning)", ur: "چارکول (زہر کا علاج)" },
  { code: "antivenom", en: "Antivenom", ur: "زہر کا تریاق" },
  { code: "rabies_vaccine", en: "Rabies vaccine", ur: "ریبیز ویکسین" },
  { code: "rabies_immunoglobulin", en: "Rabies immunoglobulin", ur: "ریبیز امیونوگلوبولن" },
  { code: "tetanus_vaccine", en: "Tetanus vaccine", ur: "ٹیٹنس ویکسین" },
] as const;

export type TherapeuticClass = (typeof therapeuticClasses)[number]["code"];

export type Medicine = {
  code: string;
  generic: string;
  strength: string;
  form: DosageForm;
  route: Route;
  ingredients: readonly IngredientCode[];
  allergyGroups: readonly AllergenGroupCode[];
  classCode: TherapeuticClass;
  sources: readonly MedicineSource[];
};

const BOTH: MedicineSource[] = ["pk_nemlp", "who_eml"];
const WHO: MedicineSource[] = ["who_eml"];
const PK: MedicineSource[] = ["pk_nemlp"];

type Row = readonly [
  code: string,
  generic: string,
  strength: string,
  form: DosageForm,
  route: Route,
  ingredients: readonly IngredientCode[],
  classCode: TherapeuticClass,
  sources: MedicineSource[],
];

// A medicine's allergy groups are derived from its ingredients, so that the two cannot disagree.
function medicine([code, generic, strength, form, route, parts, classCode, sources]: Row): Medicine {
  const allergyGroups = [...new Set(parts.flatMap((part) => ingredients[part].allergyGroups))];
  return { code, generic, strength, form, route, ingredients: parts, allergyGroups, classCode, sources };
}

const rows: readonly Row[] = [
  ["paracetamol-500mg-tab", "Paracetamol", "500 mg", "tablet", "oral", ["paracetamol"], "simple_analgesic", BOTH],
  ["paracetamol-120mg5ml-syrup", "Paracetamol", "120 mg/5 mL", "syrup", "oral", ["paracetamol"], "simple_analgesic", BOTH],
  ["paracetamol-100mgml-drops", "Paracetamol", "100 mg/mL", "drops", "oral", ["paracetamol"], "simple_analgesic", PK],
  ["ibuprofen-400mg-tab", "Ibuprofen", "400 mg", "tablet", "oral", ["ibuprofen"], "nsaid", BOTH],
  ["ibuprofen-100mg5ml-susp", "Ibuprofen", "100 mg/5 mL", "suspension", "oral", ["ibuprofen"], "nsaid", PK],
  ["diclofenac-50mg-tab", "Diclofenac", "50 mg", "tablet", "oral", ["diclofenac"], "nsaid", PK],
  ["diclofenac-75mg3ml-inj", "Diclofenac", "75 mg/3 mL", "injection", "im", ["diclofenac"], "nsaid", PK],
  ["aspirin-75mg-tab", "Acetylsalicylic acid", "75 mg", "tablet", "oral", ["acetylsalicylic-acid"], "antiplatelet", BOTH],
  ["aspirin-300mg-tab", "Acetylsalicylic acid", "300 mg", "tablet", "oral", ["acetylsalicylic-acid"], "nsaid", BOTH],
  ["morphine-10mgml-inj", "Morphine", "10 mg/mL", "injection", "im", ["morphine"], "opioid", BOTH],
  ["naloxone-400mcgml-inj", "Naloxone", "400 micrograms/mL", "injection", "iv", ["naloxone"], "opioid_antagonist", BOTH],

  ["amoxicillin-250mg-cap", "Amoxicillin", "250 mg", "capsule", "oral", ["amoxicillin"], "penicillin", BOTH],
  ["amoxicillin-500mg-cap", "Amoxicillin", "500 mg", "capsule", "oral", ["amoxicillin"], "penicillin", BOTH],
  ["amoxicillin-250mg-dt", "Amoxicillin", "250 mg", "dispersible_tablet", "oral", ["amoxicillin"], "penicillin", WHO],
  ["amoxicillin-125mg5ml-susp", "Amoxicillin", "125 mg/5 mL", "suspension", "oral", ["amoxicillin"], "penicillin", BOTH],
  ["amoxicillin-250mg5ml-susp", "Amoxicillin", "250 mg/5 mL", "suspension", "oral", ["amoxicillin"], "penicillin", BOTH],
  ["co-amoxiclav-625mg-tab", "Amoxicillin + Clavulanic acid", "500 mg + 125 mg", "tablet", "oral", ["amoxicillin", "clavulanic-acid"], "penicillin", BOTH],
  ["co-amoxiclav-156mg5ml-susp", "Amoxicillin + Clavulanic acid", "125 mg + 31.25 mg/5 mL", "suspension", "oral", ["amoxicillin", "clavulanic-acid"], "penicillin", BOTH],
  ["ampicillin-500mg-inj", "Ampicillin", "500 mg", "injection", "iv", ["ampicillin"], "penicillin", BOTH],
  ["benzathine-benzylpenicillin-1.2miu-inj", "Benzathine benzylpenicillin", "1.2 million IU", "injection", "im", ["benzathine-benzylpenicillin"], "penicillin", BOTH],
  ["cloxacillin-500mg-cap", "Cloxacillin", "500 mg", "capsule", "oral", ["cloxacillin"], "penicillin", BOTH],
  ["cefalexin-250mg-cap", "Cefalexin", "250 mg", "capsule", "oral", ["cefalexin"], "cephalosporin", BOTH],
  ["cefalexin-125mg5ml-susp", "Cefalexin", "125 mg/5 mL", "suspension", "oral", ["cefalexin"], "cephalosporin", WHO],
  ["cefixime-400mg-cap", "Cefixime", "400 mg", "capsule", "oral", ["cefixime"], "cephalosporin", BOTH],
  ["cefixime-100mg5ml-susp", "Cefixime", "100 mg/5 mL", "suspension", "oral", ["cefixime"], "cephalosporin", PK],
  ["ceftriaxone-1g-inj", "Ceftriaxone", "1 g", "injection", "iv", ["ceftriaxone"], "cephalosporin", BOTH],
  ["azithromycin-250mg-cap", "Azithromycin", "250 mg", "capsule", "oral", ["azithromycin"], "macrolide", BOTH],
  ["azithromycin-500mg-tab", "Azithromycin", "500 mg", "tablet", "oral", ["azithromycin"], "macrolide", BOTH],
  ["azithromycin-200mg5ml-susp", "Azithromycin", "200 mg/5 mL", "suspension", "oral", ["azithromycin"], "macrolide", BOTH],
  ["clarithromycin-500mg-tab", "Clarithromycin", "500 mg", "tablet", "oral", ["clarithromycin"], "macrolide", BOTH],
  ["ciprofloxacin-500mg-tab", "Ciprofloxacin", "500 mg", "tablet", "oral", ["ciprofloxacin"], "fluoroquinolone", BOTH],
  ["levofloxacin-500mg-tab", "Levofloxacin", "500 mg", "tablet", "oral", ["levofloxacin"], "fluoroquinolone", BOTH],
  ["doxycycline-100mg-cap", "Doxycycline", "100 mg", "capsule", "oral", ["doxycycline"], "tetracycline", BOTH],
  ["metronidazole-400mg-tab", "Metronidazole", "400 mg", "tablet", "oral", ["metronidazole"], "nitroimidazole", BOTH],
  ["metronidazole-200mg5ml-susp", "Metronidazole", "200 mg/5 mL", "suspension", "oral", ["metronidazole"], "nitroimidazole", BOTH],
  ["co-trimoxazole-480mg-tab", "Sulfamethoxazole + Trimethoprim", "400 mg + 80 mg", "tablet", "oral", ["sulfamethoxazole", "trimethoprim"], "sulfonamide_antibacterial", BOTH],
  ["co-trimoxazole-240mg5ml-susp", "Sulfamethoxazole + Trimethoprim", "200 mg + 40 mg/5 mL", "suspension", "oral", ["sulfamethoxazole", "trimethoprim"], "sulfonamide_antibacterial", BOTH],
  ["nitrofurantoin-100mg-cap", "Nitrofurantoin", "100 mg", "capsule", "oral", ["nitrofurantoin"], "urinary_antibacterial", BOTH],
  ["gentamicin-80mg2ml-inj", "Gentamicin", "80 mg/2 mL", "injection", "im", ["gentamicin"], "aminoglycoside", BOTH],

  ["fluconazole-150mg-cap", "Fluconazole", "150 mg", "capsule", "oral", ["fluconazole"], "systemic_antifungal", PK],
  ["nystatin-100000iuml-susp", "Nystatin", "100 000 IU/mL", "suspension", "oral", ["nystatin"], "systemic_antifungal", BOTH],
  ["miconazole-2pct-cream", "Miconazole", "2%", "cream", "topical", ["miconazole"], "topical_antifungal", WHO],
  ["terbinafine-1pct-cream", "Terbinafine", "1%", "cream", "topical", ["terbinafine"], "topical_antifungal", WHO],
  ["clotrimazole-500mg-vag-tab", "Clotrimazole", "500 mg", "vaginal_tablet", "vaginal", ["clotrimazole"], "topical_antifungal", WHO],
  ["permethrin-5pct-cream", "Permethrin", "5%", "cream", "topical", ["permethrin"], "scabicide", BOTH],
  ["benzyl-benzoate-25pct-lotion", "Benzyl benzoate", "25%", "lotion", "topical", ["benzyl-benzoate"], "scabicide", BOTH],
  ["albendazole-400mg-tab", "Albendazole", "400 mg", "chewable_tablet", "oral", ["albendazole"], "anthelmintic", BOTH],
  ["albendazole-200mg5ml-susp", "Albendazole", "200 mg/5 mL", "suspension", "oral", ["albendazole"], "anthelmintic", PK],
  ["mebendazole-100mg-tab", "Mebendazole", "100 mg", "chewable_tablet", "oral", ["mebendazole"], "anthelmintic", WHO],

  ["artemether-lumefantrine-20-120mg-tab", "Artemether + Lumefantrine", "20 mg + 120 mg", "tablet", "oral", ["artemether", "lumefantrine"], "antimalarial", BOTH],
  ["artemether-lumefantrine-20-120mg-dt", "Artemether + Lumefantrine", "20 mg + 120 mg", "dispersible_tablet", "oral", ["artemether", "lumefantrine"], "antimalarial", WHO],
  ["chloroquine-150mg-tab", "Chloroquine", "150 mg (base)", "tablet", "oral", ["chloroquine"], "antimalarial", BOTH],
  ["artesunate-60mg-inj", "Artesunate", "60 mg", "injection", "iv", ["artesunate"], "antimalarial", BOTH],
  ["primaquine-7.5mg-tab", "Primaquine", "7.5 mg (base)", "tablet", "oral", ["primaquine"], "antimalarial_radical_cure", BOTH],
  ["rhze-150-75-400-275mg-tab", "Rifampicin + Isoniazid + Pyrazinamide + Ethambutol", "150 mg + 75 mg + 400 mg + 275 mg", "tablet", "oral", ["rifampicin", "isoniazid", "pyrazinamide", "ethambutol"], "antituberculosis", BOTH],
  ["rh-150-75mg-tab", "Rifampicin + Isoniazid", "150 mg + 75 mg", "tablet", "oral", ["rifampicin", "isoniazid"], "antituberculosis", BOTH],
  ["rhz-75-50-150mg-dt", "Rifampicin + Isoniazid + Pyrazinamide", "75 mg + 50 mg + 150 mg", "dispersible_tablet", "oral", ["rifampicin", "isoniazid", "pyrazinamide"], "antituberculosis", BOTH],
  ["isoniazid-300mg-tab", "Isoniazid", "300 mg", "tablet", "oral", ["isoniazid"], "antituberculosis", BOTH],
  ["aciclovir-200mg-tab", "Aciclovir", "200 mg", "tablet", "oral", ["aciclovir"], "antiviral_herpes", BOTH],
  ["oseltamivir-75mg-cap", "Oseltamivir", "75 mg", "capsule", "oral", ["oseltamivir"], "antiviral_influenza", WHO],
  ["sofosbuvir-400mg-tab", "Sofosbuvir", "400 mg", "tablet", "oral", ["sofosbuvir"], "hcv_ns5b_inhibitor", BOTH],
  ["daclatasvir-60mg-tab", "Daclatasvir", "60 mg", "tablet", "oral", ["daclatasvir"], "hcv_ns5a_inhibitor", BOTH],
  ["tenofovir-300mg-tab", "Tenofovir disoproxil fumarate", "300 mg", "tablet", "oral", ["tenofovir-disoproxil"], "hbv_antiviral", BOTH],

  ["chlorphenamine-4mg-tab", "Chlorphenamine", "4 mg", "tablet", "oral", ["chlorphenamine"], "antihistamine", BOTH],
  ["chlorphenamine-2mg5ml-syrup", "Chlorphenamine", "2 mg/5 mL", "syrup", "oral", ["chlorphenamine"], "antihistamine", BOTH],
  ["loratadine-10mg-tab", "Loratadine", "10 mg", "tablet", "oral", ["loratadine"], "antihistamine", WHO],
  ["epinephrine-1mgml-inj", "Epinephrine (adrenaline)", "1 mg/mL", "injection", "im", ["epinephrine"], "adrenergic_emergency", BOTH],
  ["hydrocortisone-100mg-inj", "Hydrocortisone", "100 mg", "injection", "iv", ["hydrocortisone"], "systemic_corticosteroid", BOTH],
  ["prednisolone-5mg-tab", "Prednisolone", "5 mg", "tablet", "oral", ["prednisolone"], "systemic_corticosteroid", BOTH],
  ["dexamethasone-4mgml-inj", "Dexamethasone", "4 mg/mL", "injection", "im", ["dexamethasone"], "systemic_corticosteroid", BOTH],
  ["hydrocortisone-1pct-cream", "Hydrocortisone", "1%", "cream", "topical", ["hydrocortisone"], "topical_corticosteroid", BOTH],
  ["betamethasone-0.1pct-cream", "Betamethasone", "0.1%", "cream", "topical", ["betamethasone"], "topical_corticosteroid", BOTH],
  ["salbutamol-100mcg-inhaler", "Salbutamol", "100 micrograms/dose", "inhaler", "inhaled", ["salbutamol"], "short_acting_bronchodilator", BOTH],
  ["salbutamol-5mgml-nebuliser", "Salbutamol", "5 mg/mL", "nebuliser_solution", "inhaled", ["salbutamol"], "short_acting_bronchodilator", BOTH],
  ["beclometasone-100mcg-inhaler", "Beclometasone", "100 micrograms/dose", "inhaler", "inhaled", ["beclometasone"], "inhaled_corticosteroid", BOTH],
  ["ipratropium-20mcg-inhaler", "Ipratropium bromide", "20 micrograms/dose", "inhaler", "inhaled", ["ipratropium"], "inhaled_antimuscarinic", WHO],

  ["omeprazole-20mg-cap", "Omeprazole", "20 mg", "capsule", "oral", ["omeprazole"], "proton_pump_inhibitor", BOTH],
  ["metoclopramide-10mg-tab", "Metoclopramide", "10 mg", "tablet", "oral", ["metoclopramide"], "antiemetic", BOTH],
  ["ondansetron-4mg-tab", "Ondansetron", "4 mg", "tablet", "oral", ["ondansetron"], "antiemetic", WHO],
  ["ondansetron-4mg5ml-syrup", "Ondansetron", "4 mg/5 mL", "syrup", "oral", ["ondansetron"], "antiemetic", WHO],
  ["hyoscine-butylbromide-10mg-tab", "Hyoscine butylbromide", "10 mg", "tablet", "oral", ["hyoscine-butylbromide"], "antispasmodic", PK],
  ["lactulose-3.35g5ml-syrup", "Lactulose", "3.35 g/5 mL", "syrup", "oral", ["lactulose"], "laxative", WHO],
  ["ors-low-osmolarity-sachet", "Oral rehydration salts", "for 1 L (low osmolarity)", "sachet", "oral", ["oral-rehydration-salts"], "oral_rehydration", BOTH],
  ["zinc-sulfate-20mg-dt", "Zinc sulfate", "20 mg", "dispersible_tablet", "oral", ["zinc-sulfate"], "zinc_supplement", BOTH],
  ["sodium-chloride-0.9pct-inf", "Sodium chloride", "0.9%", "infusion", "iv", ["sodium-chloride"], "iv_fluid", BOTH],
  ["ringer-lactate-inf", "Compound sodium lactate (Ringer's lactate)", "500 mL", "infusion", "iv", ["compound-sodium-lactate"], "iv_fluid", BOTH],
  ["glucose-50pct-inj", "Glucose", "50%", "injection", "iv", ["glucose"], "hypoglycaemia_rescue", BOTH],

  ["ferrous-sulfate-200mg-tab", "Ferrous sulfate", "200 mg (65 mg iron)", "tablet", "oral", ["ferrous-sulfate"], "iron_supplement", BOTH],
  ["ferrous-folic-tab", "Ferrous sulfate + Folic acid", "60 mg iron + 400 micrograms", "tablet", "oral", ["ferrous-sulfate", "folic-acid"], "iron_supplement", BOTH],
  ["ferrous-sulfate-25mgml-drops", "Ferrous sulfate", "25 mg iron/mL", "drops", "oral", ["ferrous-sulfate"], "iron_supplement", WHO],
  ["folic-acid-5mg-tab", "Folic acid", "5 mg", "tablet", "oral", ["folic-acid"], "folate_supplement", BOTH],
  ["calcium-carbonate-1.25g-tab", "Calcium carbonate", "1.25 g (500 mg calcium)", "tablet", "oral", ["calcium-carbonate"], "calcium_supplement", WHO],
  ["colecalciferol-400iuml-drops", "Colecalciferol", "400 IU/mL", "drops", "oral", ["colecalciferol"], "vitamin_d", WHO],
  ["retinol-200000iu-cap", "Retinol (vitamin A)", "200 000 IU", "capsule", "oral", ["retinol"], "vitamin_a", BOTH],

  ["amlodipine-5mg-tab", "Amlodipine", "5 mg", "tablet", "oral", ["amlodipine"], "calcium_channel_blocker", BOTH],
  ["enalapril-5mg-tab", "Enalapril", "5 mg", "tablet", "oral", ["enalapril"], "ace_inhibitor", BOTH],
  ["captopril-25mg-tab", "Captopril", "25 mg", "tablet", "oral", ["captopril"], "ace_inhibitor", PK],
  ["losartan-50mg-tab", "Losartan", "50 mg", "tablet", "oral", ["losartan"], "angiotensin_receptor_blocker", BOTH],
  ["hydrochlorothiazide-25mg-tab", "Hydrochlorothiazide", "25 mg", "tablet", "oral", ["hydrochlorothiazide"], "thiazide_diuretic", BOTH],
  ["atenolol-50mg-tab", "Atenolol", "50 mg", "tablet", "oral", ["atenolol"], "beta_blocker", PK],
  ["bisoprolol-5mg-tab", "Bisoprolol", "5 mg", "tablet", "oral", ["bisoprolol"], "beta_blocker", WHO],
  ["methyldopa-250mg-tab", "Methyldopa", "250 mg", "tablet", "oral", ["methyldopa"], "central_antihypertensive", BOTH],
  ["furosemide-40mg-tab", "Furosemide", "40 mg", "tablet", "oral", ["furosemide"], "loop_diuretic", BOTH],
  ["furosemide-20mg2ml-inj", "Furosemide", "20 mg/2 mL", "injection", "iv", ["furosemide"], "loop_diuretic", BOTH],
  ["spironolactone-25mg-tab", "Spironolactone", "25 mg", "tablet", "oral", ["spironolactone"], "potassium_sparing_diuretic", BOTH],
  ["simvastatin-20mg-tab", "Simvastatin", "20 mg", "tablet", "oral", ["simvastatin"], "statin", WHO],
  ["atorvastatin-20mg-tab", "Atorvastatin", "20 mg", "tablet", "oral", ["atorvastatin"], "statin", PK],
  ["isosorbide-dinitrate-5mg-sl-tab", "Isosorbide dinitrate", "5 mg", "sublingual_tablet", "sublingual", ["isosorbide-dinitrate"], "nitrate", BOTH],
  ["clopidogrel-75mg-tab", "Clopidogrel", "75 mg", "tablet", "oral", ["clopidogrel"], "p2y12_inhibitor", WHO],
  ["metformin-500mg-tab", "Metformin", "500 mg", "tablet", "oral", ["metformin"], "biguanide", BOTH],
  ["gliclazide-80mg-tab", "Gliclazide", "80 mg", "tablet", "oral", ["gliclazide"], "sulfonylurea", WHO],
  ["glibenclamide-5mg-tab", "Glibenclamide", "5 mg", "tablet", "oral", ["glibenclamide"], "sulfonylurea", PK],
  ["insulin-soluble-100iuml-inj", "Insulin (soluble, human)", "100 IU/mL", "injection", "sc", ["insulin-soluble"], "insulin_short", BOTH],
  ["insulin-isophane-100iuml-inj", "Insulin (isophane, human)", "100 IU/mL", "injection", "sc", ["insulin-isophane"], "insulin_intermediate", BOTH],
  ["levothyroxine-50mcg-tab", "Levothyroxine", "50 micrograms", "tablet", "oral", ["levothyroxine"], "thyroid_hormone", BOTH],
  ["allopurinol-100mg-tab", "Allopurinol", "100 mg", "tablet", "oral", ["allopurinol"], "gout_prevention", BOTH],

  ["carbamazepine-200mg-tab", "Carbamazepine", "200 mg", "tablet", "oral", ["carbamazepine"], "antiepileptic", BOTH],
  ["valproate-200mg-tab", "Valproic acid (sodium valproate)", "200 mg", "tablet", "oral", ["valproic-acid"], "antiepileptic", BOTH],
  ["phenobarbital-30mg-tab", "Phenobarbital", "30 mg", "tablet", "oral", ["phenobarbital"], "antiepileptic", BOTH],
  ["diazepam-5mg-tab", "Diazepam", "5 mg", "tablet", "oral", ["diazepam"], "benzodiazepine", BOTH],
  ["diazepam-5mgml-inj", "Diazepam", "5 mg/mL", "injection", "iv", ["diazepam"], "benzodiazepine", BOTH],
  ["fluoxetine-20mg-cap", "Fluoxetine", "20 mg", "capsule", "oral", ["fluoxetine"], "ssri_antidepressant", BOTH],
  ["amitriptyline-25mg-tab", "Amitriptyline", "25 mg", "tablet", "oral", ["amitriptyline"], "tricyclic_antidepressant", BOTH],
  ["haloperidol-5mg-tab", "Haloperidol", "5 mg", "tablet", "oral", ["haloperidol"], "antipsychotic", BOTH],
  ["risperidone-2mg-tab", "Risperidone", "2 mg", "tablet", "oral", ["risperidone"], "antipsychotic", WHO],

  ["oxytocin-10iuml-inj", "Oxytocin", "10 IU/mL", "injection", "im", ["oxytocin"], "uterotonic", BOTH],
  ["misoprostol-200mcg-tab", "Misoprostol", "200 micrograms", "tablet", "oral", ["misoprostol"], "uterotonic", BOTH],
  ["magnesium-sulfate-50pct-inj", "Magnesium sulfate", "500 mg/mL (50%)", "injection", "im", ["magnesium-sulfate"], "magnesium_sulfate", BOTH],
  ["medroxyprogesterone-150mgml-inj", "Medroxyprogesterone acetate (depot)", "150 mg/mL", "injection", "im", ["medroxyprogesterone"], "hormonal_contraceptive", BOTH],
  ["levonorgestrel-ethinylestradiol-tab", "Levonorgestrel + Ethinylestradiol", "150 micrograms + 30 micrograms", "tablet", "oral", ["levonorgestrel", "ethinylestradiol"], "hormonal_contraceptive", BOTH],
  ["levonorgestrel-1.5mg-tab", "Levonorgestrel", "1.5 mg", "tablet", "oral", ["levonorgestrel"], "emergency_contraceptive", BOTH],

  ["silver-sulfadiazine-1pct-cream", "Silver sulfadiazine", "1%", "cream", "topical", ["silver-sulfadiazine"], "topical_antibacterial", BOTH],
  ["mupirocin-2pct-ointment", "Mupirocin", "2%", "ointment", "topical", ["mupirocin"], "topical_antibacterial", WHO],
  ["povidone-iodine-10pct-solution", "Povidone-iodine", "10%", "solution", "topical", ["povidone-iodine"], "antiseptic", BOTH],
  ["chlorhexidine-7.1pct-gel", "Chlorhexidine digluconate", "7.1% (4% chlorhexidine)", "gel", "topical", ["chlorhexidine"], "cord_care", WHO],
  ["tetracycline-1pct-eye-ointment", "Tetracycline", "1%", "eye_ointment", "eye", ["tetracycline"], "ophthalmic_antibacterial", BOTH],
  ["gentamicin-0.3pct-eye-drops", "Gentamicin", "0.3%", "eye_drops", "eye", ["gentamicin"], "ophthalmic_antibacterial", WHO],
  ["ciprofloxacin-0.3pct-ear-drops", "Ciprofloxacin", "0.3%", "ear_drops", "ear", ["ciprofloxacin"], "otic_antibacterial", WHO],
  ["xylometazoline-0.05pct-nasal-spray", "Xylometazoline", "0.05%", "nasal_spray", "nasal", ["xylometazoline"], "nasal_decongestant", WHO],

  ["atropine-1mgml-inj", "Atropine", "1 mg/mL", "injection", "iv", ["atropine"], "antidote_anticholinergic", BOTH],
  ["activated-charcoal-50g-powder", "Activated charcoal", "50 g", "powder", "oral", ["activated-charcoal"], "adsorbent", WHO],
  ["snake-antivenom-inj", "Snake antivenom immunoglobulin (polyvalent)", "10 mL vial", "injection", "iv", ["snake-antivenom"], "antivenom", BOTH],
  ["rabies-vaccine-inj", "Rabies vaccine", "1 dose", "injection", "im", ["rabies-vaccine"], "rabies_vaccine", BOTH],
  ["rabies-immunoglobulin-150iuml-inj", "Rabies immunoglobulin (human)", "150 IU/mL", "injection", "im", ["rabies-immunoglobulin"], "rabies_immunoglobulin", BOTH],
  ["td-vaccine-inj", "Tetanus and diphtheria toxoids (Td)", "0.5 mL", "injection", "im", ["tetanus-diphtheria-vaccine"], "tetanus_vaccine", BOTH],
];

export const formulary: readonly Medicine[] = rows.map(medicine);

const byCode = new Map(formulary.map((entry) => [entry.code, entry]));

/** The formulary medicine with this code, or undefined. */
export function findMedicine(code: string): Medicine | undefined {
  return byCode.get(code);
}

const formLabel = new Map<string, string>(dosageForms.map((form) => [form.code, form.en]));

const search = createSearch(formulary, (entry) => ({
  code: entry.code,
  labels: [`${entry.generic} ${entry.strength} ${formLabel.get(entry.form)}`, ...entry.ingredients.map((part) => ingredients[part].en)],
}));

/**
 * Type-ahead over the formulary by generic name, ingredient, strength and form ("amox 500",
 * "paracetamol syrup"), ranked like `searchDiagnoses`; 20 results unless `limit`.
 */
export function searchFormulary(query: string, options: { limit?: number } = {}): Medicine[] {
  return search(query, options);
}
