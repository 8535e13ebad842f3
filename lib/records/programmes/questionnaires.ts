import { z } from "zod";
import { toAsciiDigits } from "@/lib/identifiers/identifiers";

/**
 * PHQ-9 and GAD-7 (Kroenke, Spitzer and Williams; Spitzer et al. 2006), free to reproduce,
 * translate and use without permission (Pfizer). Item texts are in `programmes.phq9.items` and
 * `programmes.gad7.items`, in the instruments' order: the order is part of the instrument.
 */
export const phq9Items = [
  "interest",
  "down",
  "sleep",
  "tired",
  "appetite",
  "self_worth",
  "concentration",
  "movement",
  "self_harm",
] as const;
export type Phq9Item = (typeof phq9Items)[number];

export const gad7Items = ["nervous", "cannot_stop_worrying", "worrying_too_much", "trouble_relaxing", "restless", "irritable", "afraid"] as const;
export type Gad7Item = (typeof gad7Items)[number];

/** The answer scale of both, "over the last 2 weeks": value and key of `programmes.answers`. */
export const answerScale = [
  { value: 0, key: "not_at_all" },
  { value: 1, key: "several_days" },
  { value: 2, key: "more_than_half" },
  { value: 3, key: "nearly_every_day" },
] as const;
export type Answer = (typeof answerScale)[number]["value"];

/** The closing question of both ("how difficult have these problems made it…"): recorded, never scored. */
export const difficultyScale = ["not_difficult", "somewhat_difficult", "very_difficult", "extremely_difficult"] as const;
export type Difficulty = (typeof difficultyScale)[number];

function blank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

// A form posts "0"–"3" (in Urdu digits on an Urdu keyboard); an API may send the number.
const answer = z.unknown().optional().transform((raw, ctx): Answer => {
  if (blank(raw)) {
    ctx.addIssue({ code: "custom", message: "answer_required" });
    return z.NEVER;
  }
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? toAsciiDigits(raw).trim() : "";
  if (!/^[0-3]$/.test(text)) {
    ctx.addIssue({ code: "custom", message: "answer_invalid" });
    return z.NEVER;
  }
  return Number(text) as Answer;
});

const difficulty = z.unknown().optional().transform((raw, ctx): Difficulty | null => {
  if (blank(raw)) return null;
  if (typeof raw === "string" && (difficultyScale as readonly string[]).includes(raw)) return raw as Difficulty;
  ctx.addIssue({ code: "custom", message: "answer_invalid" });
  return z.NEVER;
});

function questionnaireInput<K extends string>(items: readonly K[]) {
  const shape = Object.fromEntries(items.map((item) => [item, answer])) as Record<K, typeof answer>;
  return z.object({ ...shape, difficulty }, { error: "form_invalid" });
}

/** The PHQ-9 form: every item required, 0–3 (`answer_required`, `answer_invalid`); `difficulty` optional. */
export const phq9Input = questionnaireInput(phq9Items);
export type Phq9Input = z.input<typeof phq9Input>;
export type Phq9Answers = z.output<typeof phq9Input>;

/** The GAD-7 form: every item required, 0–3 (`answer_required`, `answer_invalid`); `difficulty` optional. */
export const gad7Input = questionnaireInput(gad7Items);
export type Gad7Input = z.input<typeof gad7Input>;
export type Gad7Answers = z.output<typeof gad7Input>;

export type Phq9Band = "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";
export type Gad7Band = "minimal" | "mild" | "moderate" | "severe";

export type Urgency = "none" | "routine" | "soon" | "urgent" | "same_day";
/** Keys of `programmes.followUp`: what the clinician is prompted to do. */
export type FollowUpPrompt =
  | "no_action"
  | "rescreen"
  | "follow_up_consider_referral"
  | "start_treatment"
  | "refer_psychiatry"
  | "safety_assessment";
/** `inDays` is null when nothing needs booking. */
export type FollowUp = { inDays: number | null; urgency: Urgency; prompt: FollowUpPrompt };

/**
 * The follow-up prompt of a band, after the PHQ-9 authors' proposed actions (Kroenke and
 * Spitzer 2002) and WHO mhGAP v2.0: minimal needs nothing; mild is watched and screened again
 * in 4 weeks; moderate (10 and over, the usual cut-off for a likely disorder) is seen again
 * within 2 weeks with referral considered; moderately severe starts treatment (psychological
 * and/or medicine) and is seen within a week; severe is referred to psychiatry, expedited.
 * A PHQ-9 item 9 above 0 overrides every band: a same-day safety (suicide risk) assessment,
 * before the patient leaves.
 */
const BAND_FOLLOW_UP: Record<Phq9Band, FollowUp> = {
  minimal: { inDays: null, urgency: "none", prompt: "no_action" },
  mild: { inDays: 28, urgency: "routine", prompt: "rescreen" },
  moderate: { inDays: 14, urgency: "soon", prompt: "follow_up_consider_referral" },
  moderately_severe: { inDays: 7, urgency: "soon", prompt: "start_treatment" },
  severe: { inDays: 7, urgency: "urgent", prompt: "refer_psychiatry" },
};
const SAFETY_FOLLOW_UP: FollowUp = { inDays: 0, urgency: "same_day", prompt: "safety_assessment" };

/** PHQ-9 severity: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe. */
export function phq9Band(score: number): Phq9Band {
  requireScore(score, 27);
  if (score >= 20) return "severe";
  if (score >= 15) return "moderately_severe";
  if (score >= 10) return "moderate";
  if (score >= 5) return "mild";
  return "minimal";
}

/** GAD-7 severity: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. */
export function gad7Band(score: number): Gad7Band {
  requireScore(score, 21);
  if (score >= 15) return "severe";
  if (score >= 10) return "moderate";
  if (score >= 5) return "mild";
  return "minimal";
}

function requireScore(score: number, max: number): void {
  if (!Number.isInteger(score) || score < 0 || score > max) throw new RangeError(`score must be a whole number from 0 to ${max}`);
}

function sumOf<K extends string>(items: readonly K[], answers: Record<K, number>): number {
  return items.reduce((sum, item) => {
    const value = answers[item];
    if (!Number.isInteger(value) || value < 0 || value > 3) throw new RangeError(`${item} must be answered 0 to 3`);
    return sum + value;
  }, 0);
}

export type Phq9Result = { score: number; band: Phq9Band; followUp: FollowUp; selfHarmFlag: boolean };
export type Gad7Result = { score: number; band: Gad7Band; followUp: FollowUp };

/** Scores a parsed PHQ-9: total 0–27, its band, the follow-up prompt, and item 9 (thoughts of self-harm) above 0. */
export function scorePhq9(answers: Record<Phq9Item, number>): Phq9Result {
  const score = sumOf(phq9Items, answers);
  const band = phq9Band(score);
  const selfHarmFlag = answers.self_harm > 0;
  return { score, band, followUp: selfHarmFlag ? SAFETY_FOLLOW_UP : BAND_FOLLOW_UP[band], selfHarmFlag };
}

/** Scores a parsed GAD-7: total 0–21, its band and the follow-up prompt (the same rule as PHQ-9's bands). */
export function scoreGad7(answers: Record<Gad7Item, number>): Gad7Result {
  const score = sumOf(gad7Items, answers);
  const band = gad7Band(score);
  return { score, band, followUp: BAND_FOLLOW_UP[band] };
}
