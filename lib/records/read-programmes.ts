import { and, asc, desc, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { encounters, programmeEnrolments, screenings, vitals } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { clinicToday } from "@/lib/booking/slots";
import { ageInMonths } from "@/lib/vitals/ranges";
import { CLINIC_TIME_ZONE, type programmes } from "@/lib/vocabulary";
import { readRecord } from "./access";
import { selectDueFollowUps, type DueFollowUp } from "./list-due-follow-ups";
import {
  antenatalStatus,
  bloodPressureSeries,
  glucoseSeries,
  preventiveQuestionsFor,
  screenPreventive,
  type AntenatalStatus,
  type BloodPressureFlag,
  type FindingCode,
  type GlucoseFlag,
  type PreventiveAnswers,
  type PreventiveQuestion,
  type ReadingSeries,
} from "./programmes";
import type { ScreeningInstrument } from "./record-screening";

export type Programme = (typeof programmes)[number];

export type ProgrammesView = {
  patient: { id: string; mrId: string; fullName: string; sex: "female" | "male" | "other"; age: number };
  /** The clinic day everything is "as of". */
  today: string;
  enrolments: Array<{ id: string; programme: Programme; enrolledAt: Date; lastMenstrualPeriod: string | null }>;
  /** For an open antenatal enrolment: where the pregnancy stands, counting the days she was seen since her LMP. */
  antenatal: { enrolmentId: string; lastMenstrualPeriod: string; visitDays: string[]; status: AntenatalStatus } | null;
  bloodPressure: ReadingSeries<BloodPressureFlag> & {
    latestReading: { takenAt: Date; systolic: number; diastolic: number; flag: BloodPressureFlag } | null;
  };
  glucose: ReadingSeries<GlucoseFlag> & { latestReading: { takenAt: Date; mgDl: number; flag: GlucoseFlag } | null };
  /** Newest first. */
  screenings: Array<{
    id: string;
    instrument: ScreeningInstrument;
    score: number | null;
    band: string | null;
    positive: boolean;
    selfHarm: boolean;
    findings: FindingCode[];
    recordedAt: Date;
  }>;
  followUps: DueFollowUp[];
  /** The preventive questions for this patient, or null for a child (the questionnaire is for adults). */
  preventiveQuestions: PreventiveQuestion[] | null;
};

const SCREENINGS_SHOWN = 50;
const ADULT_AGE = 18;

function yearsOld(dateOfBirth: string, day: string): number {
  return Math.floor(ageInMonths(dateOfBirth, day) / 12);
}

/**
 * A patient's care programmes (every merged MR ID), as of `now`: the open enrolments; for
 * antenatal care the gestational age, EDD, the WHO contacts attended (each day she had an
 * encounter since her LMP counts as a contact), missed and next, with what is due; the blood
 * pressure and glucose readings from vitals as chart series with their flags (glucose at intake
 * is taken as a random reading, since the vitals form does not ask); the screenings with score
 * and band; and the follow-ups still to book. Audited as a read; anyone who may not open the
 * record gets "not found".
 */
export async function readProgrammes(actor: Actor, patientId: string, now = new Date()): Promise<ProgrammesView> {
  return readRecord(actor, patientId, { action: "programmes.read" }, async (tx, access) => {
    const today = clinicToday(now);
    const ids = access.patientIds;
    const { patient } = access;
    const age = yearsOld(patient.dateOfBirth, today);

    const enrolments = await tx
      .select({
        id: programmeEnrolments.id,
        programme: programmeEnrolments.programme,
        enrolledAt: programmeEnrolments.enrolledAt,
        lastMenstrualPeriod: programmeEnrolments.lastMenstrualPeriod,
      })
      .from(programmeEnrolments)
      .where(and(inArray(programmeEnrolments.patientId, ids), isNull(programmeEnrolments.endedAt)))
      .orderBy(asc(programmeEnrolments.enrolledAt));

    const pregnancy = enrolments.find((e) => e.programme === "antenatal" && e.lastMenstrualPeriod);
    const antenatal = pregnancy ? await antenatalOf(tx, ids, pregnancy.id, pregnancy.lastMenstrualPeriod!, today) : null;

    const readings = await tx
      .select({ takenAt: vitals.recordedAt, systolic: vitals.systolic, diastolic: vitals.diastolic, glucose: vitals.glucoseMgDl })
      .from(vitals)
      .where(
        and(
          inArray(vitals.patientId, ids),
          sql`((${vitals.systolic} is not null and ${vitals.diastolic} is not null) or ${vitals.glucoseMgDl} is not null)`,
        ),
      )
      .orderBy(asc(vitals.recordedAt));
    const bp = readings.flatMap((r) => (r.systolic !== null && r.diastolic !== null ? [{ takenAt: r.takenAt, systolic: r.systolic, diastolic: r.diastolic }] : []));
    const sugar = readings.flatMap((r) => (r.glucose !== null ? [{ takenAt: r.takenAt, mgDl: r.glucose, timing: "random" as const }] : []));
    const bloodPressure = bloodPressureSeries(bp);
    const glucose = glucoseSeries(sugar);
    const lastBp = bp.at(-1);
    const lastSugar = sugar.at(-1);

    const screened = await tx
      .select({
        id: screenings.id,
        instrument: screenings.instrument,
        answers: screenings.answers,
        score: screenings.score,
        band: screenings.band,
        positive: screenings.positive,
        recordedAt: screenings.recordedAt,
      })
      .from(screenings)
      .where(inArray(screenings.patientId, ids))
      .orderBy(desc(screenings.recordedAt))
      .limit(SCREENINGS_SHOWN);

    return {
      patient: { id: patient.id, mrId: patient.mrId, fullName: patient.fullName, sex: patient.sex, age },
      today,
      enrolments,
      antenatal,
      bloodPressure: {
        ...bloodPressure,
        latestReading: lastBp ? { ...lastBp, flag: bloodPressure.latest! } : null,
      },
      glucose: { ...glucose, latestReading: lastSugar ? { takenAt: lastSugar.takenAt, mgDl: lastSugar.mgDl, flag: glucose.latest! } : null },
      screenings: screened.map(({ answers, ...s }) => ({
        ...s,
        selfHarm: s.instrument === "phq9" && Number(answers.self_harm) > 0,
        findings: s.instrument === "preventive" ? findingsOf(answers, patient, s.recordedAt) : [],
      })),
      followUps: await selectDueFollowUps(tx, ids, today),
      preventiveQuestions: age >= ADULT_AGE ? preventiveQuestionsFor({ age, sex: patient.sex }) : null,
    };
  });
}

async function antenatalOf(tx: Transaction, patientIds: string[], enrolmentId: string, lmp: string, today: string) {
  const clinicDay = sql<string>`to_char(${encounters.startedAt} at time zone ${CLINIC_TIME_ZONE}, 'YYYY-MM-DD')`;
  const days = await tx
    .selectDistinct({ day: clinicDay })
    .from(encounters)
    .where(and(inArray(encounters.patientId, patientIds), isNotNull(encounters.startedAt), sql`${clinicDay} >= ${lmp}`));
  const visitDays = days.map((d) => d.day).sort();
  return { enrolmentId, lastMenstrualPeriod: lmp, visitDays, status: antenatalStatus(lmp, visitDays, today) };
}

// Findings are recomputed from the stored answers with the patient's age on the day, so that
// the rules' wording stays in one place; a date of birth corrected since may make it a child's.
function findingsOf(answers: Record<string, unknown>, patient: { dateOfBirth: string; sex: "female" | "male" | "other" }, recordedAt: Date): FindingCode[] {
  const age = yearsOld(patient.dateOfBirth, clinicToday(recordedAt));
  if (age < ADULT_AGE) return [];
  return screenPreventive(answers as PreventiveAnswers, { age, sex: patient.sex }).findings.map((f) => f.code);
}
