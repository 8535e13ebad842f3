// Five years of one patient's record, written straight to the bench's own database in bulk:
// going through the use cases would take minutes and measure nothing this bench is about. The
// rows are those the use cases write (each consultation with its encounter, vitals, a signed
// note, diagnoses, a prescription; labs, referrals and screenings at intervals), with codes
// from the shipped catalogs, so the timeline and the FHIR export have real work to do.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "../../db";
import {
  clinicianProfiles,
  consultations,
  diagnoses,
  encounters,
  labOrders,
  labResults,
  patients,
  prescriptionItems,
  prescriptions,
  referrals,
  screenings,
  soapNotes,
  users,
  vitals,
} from "../../db/schema";
import { diagnoses as diagnosisList, formulary, frequencies, labTests } from "../../lib/records/catalog";
import { roomNameFor } from "../../lib/queue/rules";

const DAY = 86_400_000;

export type History = { patientId: string; mrId: string; encounters: number; rows: number; currentConsultationId: string };

/**
 * `count` past encounters of a new patient with `doctorId`, about nine days apart going back
 * five years, plus one consultation in the call now (so the doctor has a current encounter and
 * may open the record).
 */
export async function seedHistory(doctorId: string, count: number): Promise<History> {
  const [doctor] = await db().select({ facilityId: clinicianProfiles.facilityId }).from(clinicianProfiles).where(eq(clinicianProfiles.userId, doctorId));
  const [author] = await db().select({ id: users.id }).from(users).where(eq(users.id, doctorId));
  if (!author) throw new Error("the bench doctor does not exist");
  const mrSerial = 900_000 + Math.floor(Math.random() * 99_999);
  const { mrIdFromSerial } = await import("../../lib/mrid/mrid");
  const [patient] = await db()
    .insert(patients)
    .values({ mrId: mrIdFromSerial(mrSerial), fullName: "Bench Patient", sex: "female", dateOfBirth: "1970-03-01", relation: null })
    .returning();
  const now = Date.now();
  const rows: Record<string, unknown[]> = { encounters: [], consultations: [], vitals: [], notes: [], diagnoses: [], prescriptions: [], items: [], orders: [], results: [], referrals: [], screenings: [] };
  for (let i = 0; i <= count; i++) {
    const current = i === 0;
    const startedAt = new Date(now - i * 9 * DAY - 60 * 60_000);
    const encounterId = randomUUID();
    const consultationId = randomUUID();
    rows.encounters!.push({ id: encounterId, patientId: patient!.id, kind: "video_consult", facilityId: doctor?.facilityId ?? null, startedAt, createdBy: doctorId });
    rows.consultations!.push({
      id: consultationId,
      patientId: patient!.id,
      encounterId,
      clinicianId: doctorId,
      status: current ? "in_call" : "completed",
      roomName: roomNameFor(consultationId),
      checkedInAt: startedAt,
      admittedAt: new Date(startedAt.getTime() + 5 * 60_000),
      firstAdmittedAt: new Date(startedAt.getTime() + 5 * 60_000),
      endedAt: current ? null : new Date(startedAt.getTime() + 20 * 60_000),
    });
    if (current) continue;
    rows.vitals!.push({ patientId: patient!.id, consultationId, recordedBy: doctorId, recordedAt: startedAt, systolic: 120 + (i % 40), diastolic: 80 + (i % 15), pulse: 70 + (i % 20), temperatureC: 37, weightKg: 60 + (i % 5) });
    rows.notes!.push({
      consultationId,
      patientId: patient!.id,
      mrId: patient!.mrId,
      authorId: doctorId,
      subjective: `Visit ${i}: headache and tiredness for a week.`,
      objective: "Alert, chest clear.",
      assessment: "Hypertension, on treatment.",
      plan: "Continue medicines, recheck BP in four weeks.",
      signedAt: new Date(startedAt.getTime() + 25 * 60_000),
    });
    for (const offset of [0, 7]) {
      rows.diagnoses!.push({ patientId: patient!.id, encounterId, code: diagnosisList[(i + offset) % diagnosisList.length]!.code, recordedBy: doctorId, recordedAt: startedAt });
    }
    const prescriptionId = randomUUID();
    rows.prescriptions!.push({ id: prescriptionId, patientId: patient!.id, encounterId, prescriberId: doctorId, verificationCode: `BENCH${randomUUID()}`, issuedAt: startedAt });
    for (const position of [0, 1]) {
      rows.items!.push({
        prescriptionId,
        position,
        medicineCode: formulary[(i * 2 + position) % formulary.length]!.code,
        dose: "1 tablet",
        frequencyCode: frequencies[position]!.code,
        durationValue: 7,
        durationUnit: "days",
      });
    }
    if (i % 4 === 0) {
      const orderId = randomUUID();
      const test = labTests[i % labTests.length]!;
      rows.orders!.push({ id: orderId, patientId: patient!.id, encounterId, testCode: test.code, status: "resulted", orderedBy: doctorId, orderedAt: startedAt });
      rows.results!.push({
        patientId: patient!.id,
        encounterId,
        orderId,
        testCode: test.code,
        ...(test.resultKind === "numeric" ? { valueNumeric: test.low ?? 1 } : { valueText: "negative" }),
        takenOn: startedAt.toISOString().slice(0, 10),
        enteredBy: doctorId,
        enteredAt: new Date(startedAt.getTime() + DAY),
      });
    }
    if (i % 10 === 0) rows.referrals!.push({ patientId: patient!.id, encounterId, toSpecialtyCode: "general", urgency: "routine", reason: "Review of blood pressure control", referredBy: doctorId, referredAt: startedAt });
    if (i % 20 === 0) rows.screenings!.push({ patientId: patient!.id, encounterId, instrument: "phq9", answers: { q1: 1, q2: 1 }, score: 6, band: "mild", positive: false, recordedBy: doctorId, recordedAt: startedAt });
  }
  const insert = async <T>(table: Parameters<ReturnType<typeof db>["insert"]>[0], values: unknown[]) => {
    for (let at = 0; at < values.length; at += 500) await db().insert(table).values(values.slice(at, at + 500) as never);
    return values.length as T;
  };
  await insert(encounters, rows.encounters!);
  await insert(consultations, rows.consultations!);
  await insert(vitals, rows.vitals!);
  await insert(soapNotes, rows.notes!);
  await insert(diagnoses, rows.diagnoses!);
  await insert(prescriptions, rows.prescriptions!);
  await insert(prescriptionItems, rows.items!);
  await insert(labOrders, rows.orders!);
  await insert(labResults, rows.results!);
  await insert(referrals, rows.referrals!);
  await insert(screenings, rows.screenings!);
  const total = Object.values(rows).reduce((sum, list) => sum + list.length, 0);
  return { patientId: patient!.id, mrId: patient!.mrId, encounters: count, rows: total, currentConsultationId: rows.consultations![0] ? (rows.consultations![0] as { id: string }).id : "" };
}
