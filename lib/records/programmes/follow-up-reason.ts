import type { FollowUpPrompt } from "./questionnaires";
import type { FindingCode } from "./preventive-screening";

/**
 * Why a follow-up was booked, as stored in `follow_ups.reason`: the source and the message key
 * the UI words it with, `phq9.safety_assessment` or `preventive.tb_presumptive`. A key rather
 * than words, so that each reader sees it in their own language.
 */
export type FollowUpReason =
  | { source: "phq9" | "gad7"; key: FollowUpPrompt }
  | { source: "preventive"; key: FindingCode };

/** The stored reason of a follow-up booked by a screening. */
export function followUpReason(source: "phq9" | "gad7", key: FollowUpPrompt): string;
export function followUpReason(source: "preventive", key: FindingCode): string;
export function followUpReason(source: FollowUpReason["source"], key: string): string {
  return `${source}.${key}`;
}

// Records, so that a prompt or finding added to the rules without being added here does not compile.
const PROMPTS: Record<FollowUpPrompt, true> = {
  no_action: true,
  rescreen: true,
  follow_up_consider_referral: true,
  start_treatment: true,
  refer_psychiatry: true,
  safety_assessment: true,
};
const FINDINGS: Record<FindingCode, true> = {
  tb_presumptive: true,
  diabetes_symptoms: true,
  bp_unchecked: true,
  weight_loss: true,
  tobacco_use: true,
  diabetes_risk: true,
  hepatitis_risk: true,
  breast_change: true,
};

/** A stored reason read back, or null for one this version does not know (shown as a plain follow-up). */
export function parseFollowUpReason(reason: string): FollowUpReason | null {
  const [source, key, ...rest] = reason.split(".");
  if (rest.length > 0 || !key) return null;
  if ((source === "phq9" || source === "gad7") && Object.hasOwn(PROMPTS, key)) {
    return { source, key: key as FollowUpPrompt };
  }
  if (source === "preventive" && Object.hasOwn(FINDINGS, key)) return { source, key: key as FindingCode };
  return null;
}
