import { z } from "zod";
import type { sexes } from "@/lib/vocabulary";

/**
 * A short preventive screening questionnaire for adults in primary care, project-written for
 * what Pakistani primary care most often misses: tobacco (naswar and paan included), unmeasured
 * blood pressure, diabetes risk (ADA: family history plus age or overweight; South Asians at a
 * lower BMI), presumptive TB (Pakistan's National TB Programme: cough of 2 weeks or more, blood
 * in sputum, night sweats), unexplained weight loss, a breast change in women from 30 (breast
 * cancer comes early and late-presenting here), and the exposures that spread hepatitis B and C
 * in Pakistan (reused syringes and drips, transfusion, dental or surgical work by unqualified
 * practitioners, shared razors and needles). Question texts: `programmes.screening.questions`.
 */
export const preventiveQuestions = [
  "tobacco",
  "bp_checked_last_year",
  "family_diabetes",
  "overweight",
  "diabetes_symptoms",
  "cough_two_weeks",
  "blood_in_sputum",
  "night_sweats",
  "weight_loss",
  "breast_change",
  "hepatitis_risk",
] as const;
export type PreventiveQuestion = (typeof preventiveQuestions)[number];

export type ScreeningPerson = { age: number; sex: (typeof sexes)[number] };

/** The adult questionnaire; younger people are screened by the child programmes, not by this. */
const ADULT_AGE = 18;
const BREAST_QUESTION_AGE = 30;
/** From 40 a family history alone is enough to test (ADA screens everyone from 35; 40 is our primary-care compromise). */
const DIABETES_RISK_AGE = 40;

function requireAdult(person: ScreeningPerson): void {
  if (!Number.isInteger(person.age) || person.age < ADULT_AGE || person.age > 130) {
    throw new RangeError("preventive screening is for adults (age 18 or more, in whole years)");
  }
}

/** The questions to ask this person, in order: the breast question only of women aged 30 or more. */
export function preventiveQuestionsFor(person: ScreeningPerson): PreventiveQuestion[] {
  requireAdult(person);
  const breast = person.sex === "female" && person.age >= BREAST_QUESTION_AGE;
  return preventiveQuestions.filter((q) => q !== "breast_change" || breast);
}

function yesNo(required: boolean) {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx): boolean | null => {
      if (raw === undefined || raw === null || raw === "") {
        if (required) ctx.addIssue({ code: "custom", message: "answer_required" });
        return null;
      }
      if (raw === "yes" || raw === true) return true;
      if (raw === "no" || raw === false) return false;
      ctx.addIssue({ code: "custom", message: "answer_invalid" });
      return null;
    });
}

const requiredYesNo = yesNo(true);
const optionalYesNo = yesNo(false);

/**
 * The screening form for this person: each question asked of them answered "yes" or "no"
 * (`answer_required`, `answer_invalid`); a question not asked of them (the breast question) may
 * be left out, and counts when given.
 */
export function preventiveScreeningInputFor(person: ScreeningPerson) {
  const asked = new Set(preventiveQuestionsFor(person));
  const shape = Object.fromEntries(preventiveQuestions.map((q) => [q, asked.has(q) ? requiredYesNo : optionalYesNo])) as Record<
    PreventiveQuestion,
    typeof requiredYesNo
  >;
  return z.object(shape, { error: "form_invalid" });
}
export type PreventiveScreeningInput = z.input<ReturnType<typeof preventiveScreeningInputFor>>;
/** Parsed answers: true for yes, false for no, null for a question not asked. */
export type PreventiveAnswers = Record<PreventiveQuestion, boolean | null>;

/** Keys of `programmes.screening.findings`: the reason the follow-up is booked. */
export type FindingCode =
  | "tb_presumptive"
  | "diabetes_symptoms"
  | "bp_unchecked"
  | "weight_loss"
  | "tobacco_use"
  | "diabetes_risk"
  | "hepatitis_risk"
  | "breast_change";

/** Keys of `programmes.screening.followUps`: what is booked. */
export type FollowUpWhat =
  | "sputum_tb_test"
  | "glucose_test"
  | "fasting_glucose"
  | "bp_measurement"
  | "doctor_review"
  | "tobacco_cessation"
  | "hepatitis_tests"
  | "breast_examination";

export type ScreeningFollowUp = {
  kind: "lab_test" | "visit" | "referral";
  /** Days from the screening to the booking: 0 is the same day. */
  inDays: number;
  what: FollowUpWhat;
  /** For a referral: the specialty code to book (the specialties table). */
  specialty?: string;
};
export type ScreeningFinding = { code: FindingCode; followUp: ScreeningFollowUp };
export type ScreeningResult = { positive: boolean; findings: ScreeningFinding[] };

/**
 * What each finding books, soonest first. TB: a sputum sample for Xpert MTB/RIF the next day,
 * as the NTP asks of every presumptive case. Symptoms of diabetes: a glucose test within 2
 * days. Unmeasured BP and unexplained weight loss: a visit within a week. A breast lump or
 * change: seen by a surgeon within 2 weeks (the usual suspected-cancer referral window).
 * Tobacco: a cessation visit (WHO brief advice), diabetes risk: a fasting glucose, hepatitis
 * exposure: HBsAg and anti-HCV, each within 2 weeks.
 */
const FOLLOW_UPS: Record<FindingCode, ScreeningFollowUp> = {
  tb_presumptive: { kind: "lab_test", inDays: 1, what: "sputum_tb_test" },
  diabetes_symptoms: { kind: "lab_test", inDays: 2, what: "glucose_test" },
  bp_unchecked: { kind: "visit", inDays: 7, what: "bp_measurement" },
  weight_loss: { kind: "visit", inDays: 7, what: "doctor_review" },
  breast_change: { kind: "referral", inDays: 14, what: "breast_examination", specialty: "general_surgery" },
  tobacco_use: { kind: "visit", inDays: 14, what: "tobacco_cessation" },
  diabetes_risk: { kind: "lab_test", inDays: 14, what: "fasting_glucose" },
  hepatitis_risk: { kind: "lab_test", inDays: 14, what: "hepatitis_tests" },
};
const FINDING_ORDER = Object.keys(FOLLOW_UPS) as FindingCode[];

/**
 * Screens parsed answers of an adult: each finding with the follow-up to book (kind, days until,
 * what, and for a referral the specialty), soonest first; positive when there is any. Symptoms
 * of diabetes supersede the risk finding, since they book the same test sooner.
 */
export function screenPreventive(answers: PreventiveAnswers, person: ScreeningPerson): ScreeningResult {
  requireAdult(person);
  const yes = (q: PreventiveQuestion) => answers[q] === true;
  const found = new Set<FindingCode>();

  if (yes("cough_two_weeks") || yes("blood_in_sputum") || yes("night_sweats")) found.add("tb_presumptive");
  if (yes("diabetes_symptoms")) found.add("diabetes_symptoms");
  else if (yes("family_diabetes") && (person.age >= DIABETES_RISK_AGE || yes("overweight"))) found.add("diabetes_risk");
  if (answers.bp_checked_last_year === false) found.add("bp_unchecked");
  if (yes("weight_loss")) found.add("weight_loss");
  if (yes("breast_change")) found.add("breast_change");
  if (yes("tobacco")) found.add("tobacco_use");
  if (yes("hepatitis_risk")) found.add("hepatitis_risk");

  const findings = FINDING_ORDER.filter((code) => found.has(code)).map((code) => ({ code, followUp: { ...FOLLOW_UPS[code] } }));
  return { positive: findings.length > 0, findings };
}
