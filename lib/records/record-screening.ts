import { and, eq, gt, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { followUps, screenings } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { clinicToday } from "@/lib/booking/slots";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { ageInMonths } from "@/lib/vitals/ranges";
import { screeningInstruments } from "@/lib/vocabulary";
import { auditRecord } from "./access";
import { lockEncounterForWriting } from "./encounter-access";

import {
  followUpDueOn,
  followUpReason,
  gad7Input,
  phq9Input,
  preventiveScreeningInputFor,
  scoreGad7,
  scorePhq9,
  screenPreventive,
  type FollowUp,
  type ScreeningFinding,
  type ScreeningPerson,
} from "./programmes";

export type ScreeningInstrument = (typeof screeningInstruments)[number];

/** What the clinician is shown after saving: the result, and what was booked. */
export type ScreeningOutcome = {
  screeningId: string;
  instrument: ScreeningInstrument;
  /** PHQ-9 / GAD-7 total; null for the preventive screening. */
  score: number | null;
  /** PHQ-9 / GAD-7 severity band; null for the preventive screening. */
  band: string | null;
  positive: boolean;
  /** PHQ-9 item 9 answered above 0: the same-day safety assessment. */
  selfHarm: boolean;
  /** PHQ-9 / GAD-7: the prompt and urgency of the band; null for the preventive screening. */
  prompt: FollowUp | null;
  /** Preventive screening: each finding with what it books. */
  findings: ScreeningFinding[];
  followUps: Array<{ id: string; reason: string; dueOn: string }>;
};

/**
 * A resubmitted form (a double tap, a retry on a flaky network) with the same answers in the
 * same encounter within this long is the same screening, not a second one.
 */
const RESUBMIT_WINDOW_MINUTES = 10;

type Scored = Omit<ScreeningOutcome, "screeningId" | "followUps"> & {
  answers: Record<string, unknown>;
  toBook: Array<{ reason: string; inDays: number }>;
};

function score(instrument: ScreeningInstrument, raw: Record<string, unknown>, person: ScreeningPerson): Scored {
  if (instrument === "phq9") {
    const parsed = phq9Input.safeParse(raw);
    if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
    const result = scorePhq9(parsed.data);
    const positive = result.followUp.inDays !== null;
    return {
      instrument,
      answers: parsed.data,
      score: result.score,
      band: result.band,
      positive,
      selfHarm: result.selfHarmFlag,
      prompt: result.followUp,
      findings: [],
      toBook: positive ? [{ reason: followUpReason(instrument, result.followUp.prompt), inDays: result.followUp.inDays! }] : [],
    };
  }
  if (instrument === "gad7") {
    const parsed = gad7Input.safeParse(raw);
    if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
    const result = scoreGad7(parsed.data);
    const positive = result.followUp.inDays !== null;
    return {
      instrument,
      answers: parsed.data,
      score: result.score,
      band: result.band,
      positive,
      selfHarm: false,
      prompt: result.followUp,
      findings: [],
      toBook: positive ? [{ reason: followUpReason(instrument, result.followUp.prompt), inDays: result.followUp.inDays! }] : [],
    };
  }
  const parsed = preventiveScreeningInputFor(person).safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const result = screenPreventive(parsed.data, person);
  return {
    instrument,
    answers: parsed.data,
    score: null,
    band: null,
    positive: result.positive,
    selfHarm: false,
    prompt: null,
    findings: result.findings,
    toBook: result.findings.map((f) => ({ reason: followUpReason(instrument, f.code), inDays: f.followUp.inDays })),
  };
}

/** The preventive questionnaire is for adults; children are screened by the child programmes. */
const ADULT_AGE = 18;

/**
 * The clinician or host of a consultation records a PHQ-9, a GAD-7 or the preventive
 * screening against its encounter: the answers are checked (each at its field), scored, and
 * stored with the score, band and whether it is positive. A positive result books its
 * follow-ups in the same transaction, each due on the day its rule gives (a PHQ-9 item 9 above
 * 0: the same day). The same answers sent again within minutes return the first screening.
 */
export async function recordScreening(
  actor: Actor,
  consultationId: string,
  instrument: ScreeningInstrument,
  answers: Record<string, unknown>,
  now = new Date(),
): Promise<ScreeningOutcome> {
  if (!screeningInstruments.includes(instrument)) throw new AppError("invalid", "form_invalid");
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician", "host"]);
    const today = clinicToday(now);
    const { patient } = encounter.access;
    const age = Math.floor(ageInMonths(patient.dateOfBirth, today) / 12);
    if (instrument === "preventive" && age < ADULT_AGE) throw new AppError("conflict", "screening_adults_only");
    const scored = score(instrument, answers, { age, sex: patient.sex });

    const repeat = await resubmitted(tx, encounter.encounterId, instrument, scored.answers, now);
    if (repeat) return { ...outcomeOf(scored), screeningId: repeat.id, followUps: await followUpsOf(tx, repeat.id) };

    const [screening] = await tx
      .insert(screenings)
      .values({
        patientId: patient.id,
        encounterId: encounter.encounterId,
        instrument,
        answers: scored.answers,
        score: scored.score,
        band: scored.band,
        positive: scored.positive,
        recordedBy: actor.id,
        recordedAt: now,
      })
      .returning({ id: screenings.id });
    const booked =
      scored.toBook.length === 0
        ? []
        : await tx
            .insert(followUps)
            .values(
              scored.toBook.map((b) => ({
                patientId: patient.id,
                encounterId: encounter.encounterId,
                screeningId: screening!.id,
                reason: b.reason,
                dueOn: followUpDueOn(today, b.inDays),
                createdBy: actor.id,
              })),
            )
            .returning({ id: followUps.id, reason: followUps.reason, dueOn: followUps.dueOn });
    await auditRecord(tx, actor, encounter.access, {
      action: "screening.record",
      entityType: "screening",
      entityId: screening!.id,
      details: {
        instrument,
        score: scored.score,
        band: scored.band,
        positive: scored.positive,
        encounterId: encounter.encounterId,
        followUps: booked.map((f) => f.id),
      },
    });
    return { ...outcomeOf(scored), screeningId: screening!.id, followUps: booked };
  });
}

function outcomeOf(scored: Scored): Omit<ScreeningOutcome, "screeningId" | "followUps"> {
  const { instrument, score, band, positive, selfHarm, prompt, findings } = scored;
  return { instrument, score, band, positive, selfHarm, prompt, findings };
}

async function resubmitted(tx: Transaction, encounterId: string, instrument: ScreeningInstrument, answers: Record<string, unknown>, now: Date) {
  const since = new Date(now.getTime() - RESUBMIT_WINDOW_MINUTES * 60_000);
  const [row] = await tx
    .select({ id: screenings.id })
    .from(screenings)
    .where(
      and(
        eq(screenings.encounterId, encounterId),
        eq(screenings.instrument, instrument),
        gt(screenings.recordedAt, since),
        sql`${screenings.answers} = ${JSON.stringify(answers)}::jsonb`,
      ),
    )
    .limit(1);
  return row;
}

async function followUpsOf(tx: Transaction, screeningId: string) {
  return tx
    .select({ id: followUps.id, reason: followUps.reason, dueOn: followUps.dueOn })
    .from(followUps)
    .where(eq(followUps.screeningId, screeningId))
    .orderBy(followUps.dueOn);
}
