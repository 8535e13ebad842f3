// Everything the timed runs need, made through the app's own lib functions and HTTP endpoints:
// signed-in patients with a registered patient record each, and doctors with open slots.
import { desc, eq } from "drizzle-orm";
import { db } from "../../db";
import { smsOutbox } from "../../db/schema";
import { requestOtp } from "../../lib/auth/otp";
import type { Actor } from "../../lib/auth/roles";
import { registerPatient } from "../../lib/patients/register-patient";
import { createDoctor } from "../../tests/integration/fixtures";
import { Client, signInWithOtp } from "./http";

export type BenchPatient = { client: Client; actor: Actor; patientId: string };
export type Slot = { startsAt: string; endsAt: string };

const BENCH_SIGN_IN_LIMITS = { codesPerClientHour: 1_000_000, smsHourlyBudget: 1_000_000 };

// Sign-ins run a few at a time: setup is not what is measured, and a flood would only slow it.
const SETUP_CONCURRENCY = 8;

/**
 * `count` patient accounts, each signed in by SMS code over HTTP like a browser (the code is
 * requested through `requestOtp`, as the sign-in form's server action does, and read back from
 * the SMS outbox) and each with a patient registered on it. Patients are numbered from
 * `firstIndex`, so that a second call makes other patients (other phone numbers).
 */
export async function signUpPatients(baseUrl: string, count: number, firstIndex = 0): Promise<BenchPatient[]> {
  // The dev SMS sender logs every code it "sends"; hundreds of those would bury the figures.
  const info = console.info;
  console.info = () => {};
  try {
    return await signUp(baseUrl, count, firstIndex);
  } finally {
    console.info = info;
  }
}

function signUp(baseUrl: string, count: number, firstIndex: number): Promise<BenchPatient[]> {
  return mapLimit(range(count).map((i) => firstIndex + i), SETUP_CONCURRENCY, async (i) => {
    // +92 345 1xxxxxx: valid mobile numbers, distinct per patient, apart from the seeded demo's.
    const phone = `+92345${String(1_000_000 + i)}`;
    // Every bench patient is this one machine: the per-client limit and the SMS budget (sized for
    // a clinic, not a load test) are lifted for the bench's own requests only.
    await requestOtp(phone, "en", "127.0.0.1", { limits: BENCH_SIGN_IN_LIMITS });
    const client = new Client(baseUrl);
    const userId = await signInWithOtp(client, phone, await codeFromOutbox(phone));
    const actor: Actor = { id: userId, role: "patient", name: phone };
    const patient = await registerPatient(actor, {
      fullName: `Bench Patient ${i + 1}`,
      sex: i % 2 === 0 ? "female" : "male",
      dateOfBirth: "1985-06-15",
    });
    return { client, actor, patientId: patient.id };
  });
}

/** Doctors available every day, all day, in 15-minute slots (the integration tests' fixture). */
export async function createDoctors(count: number): Promise<string[]> {
  const doctors = await mapLimit(range(count), SETUP_CONCURRENCY, () => createDoctor());
  return doctors.map((doctor) => doctor.id);
}

/**
 * The first `count` open slots of a doctor that start at least `leadMs` from now, read from the
 * app's slots endpoint (the next `days` days, at most 14), so that none turns into a slot in the
 * past while the bench runs.
 */
export async function openSlots(client: Client, clinicianId: string, count: number, leadMs: number, days = 3): Promise<Slot[]> {
  const { slots } = (await client.getJson(`/api/clinicians/${clinicianId}/slots?days=${days}`)) as { slots: Slot[] };
  const earliest = Date.now() + leadMs;
  const usable = slots.filter((slot) => new Date(slot.startsAt).getTime() >= earliest).slice(0, count);
  if (usable.length < count) throw new Error(`clinician ${clinicianId} has only ${usable.length} open slots, ${count} needed`);
  return usable;
}

/** Every open slot of a doctor in the next `days` days that starts at least `leadMs` from now. */
export async function allOpenSlots(client: Client, clinicianId: string, leadMs: number, days: number): Promise<Slot[]> {
  const { slots } = (await client.getJson(`/api/clinicians/${clinicianId}/slots?days=${days}`)) as { slots: Slot[] };
  const earliest = Date.now() + leadMs;
  return slots.filter((slot) => new Date(slot.startsAt).getTime() >= earliest);
}

async function codeFromOutbox(phone: string): Promise<string> {
  const [message] = await db()
    .select({ body: smsOutbox.body })
    .from(smsOutbox)
    .where(eq(smsOutbox.toPhone, phone))
    .orderBy(desc(smsOutbox.createdAt))
    .limit(1);
  const code = message?.body.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new Error(`no sign-in code in the SMS outbox for ${phone}`);
  return code;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
