// The queue the bench watches: the demo doctor, signed in over HTTP, with every bench patient
// waiting in her queue in a known order.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "../../db";
import { DEMO_PASSWORD } from "../../db/seed";
import { consultations, encounters } from "../../db/schema";
import { roomNameFor } from "../../lib/queue/rules";
import { Client, signInWithPassword } from "../booking/http";
import type { BenchPatient } from "../booking/setup";
import { DOCTOR } from "../join/doctor";

export type Doctor = { client: Client; id: string };
export type Waiting = { patient: BenchPatient; consultationId: string };

/** The seeded demo doctor, signed in with her password like the staff sign-in form, and online. */
export async function doctorOnline(baseUrl: string): Promise<Doctor> {
  const client = new Client(baseUrl);
  const id = await signInWithPassword(client, DOCTOR.email, DEMO_PASSWORD);
  const online = await client.postJson("/api/clinician/status", { status: "online" });
  if (online.status !== 200) throw new Error(`POST /api/clinician/status answered ${online.status}: ${JSON.stringify(online.body)}`);
  return { client, id };
}

/**
 * One consultation per patient waiting in the doctor's own queue, as if each had checked in a
 * second after the one before: the queue rule then puts them in this order, so the first patient
 * is at place 1. Written straight to the database (the bench's own), which is all check-in
 * itself would leave behind for a patient without an appointment; their connections, places and
 * updates all go through the app.
 */
export async function queueUp(patients: BenchPatient[], doctorId: string): Promise<Waiting[]> {
  const firstArrival = Date.now() - (patients.length + 60) * 1000;
  const waiting = patients.map((patient) => ({ patient, consultationId: randomUUID(), encounterId: randomUUID() }));
  await db()
    .insert(encounters)
    .values(waiting.map(({ patient, encounterId }) => ({ id: encounterId, patientId: patient.patientId, kind: "video_consult" as const })));
  await db()
    .insert(consultations)
    .values(
      waiting.map(({ patient, consultationId, encounterId }, i) => ({
        id: consultationId,
        patientId: patient.patientId,
        encounterId,
        clinicianId: doctorId,
        status: "waiting" as const,
        roomName: roomNameFor(consultationId),
        checkedInAt: new Date(firstArrival + i * 1000),
        patientSeenAt: sql`now()`,
      })),
    );
  const [queued] = await db().execute<{ count: number }>(
    sql`select count(*)::int as count from consultations where clinician_id = ${doctorId} and status = 'waiting'`,
  );
  if (queued?.count !== patients.length) throw new Error(`the doctor's queue holds ${queued?.count} patients, not ${patients.length}`);
  return waiting;
}
