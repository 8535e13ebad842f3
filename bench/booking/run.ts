// `npm run bench:booking`: BENCH_CLIENTS (default 200) signed-in patients booking at once through
// the production server (`next start`) and real PostgreSQL, in three runs:
//   distinct   — each client books its own free slot: bookings/s and latency;
//   contention — every client books the same slot: exactly one 200, the rest 409;
//   retry      — one client sends one booking 20 times at once under one Idempotency-Key: one
//                appointment, returned every time.
// Then no clinician may hold two overlapping live appointments. Starts and stops its own stack.
// The last line printed is the machine-readable `RESULT name=booking ...`.
import { db } from "../../db";
import { onShutdown, describe, shutdown } from "../../scripts/lib/proc";
import { shareAppSettings, startStack } from "../join/stack";
import { ms } from "../join/stats";
import { book, contentionRun, countDoubleBookings, distinctRun, retryRun, type Booking } from "./runs";
import { createDoctors, openSlots, signUpPatients } from "./setup";

const STACK = {
  name: "bench-booking",
  appPort: 3300,
  livekit: { port: 7910, rtcTcpPort: 7911, udpPortStart: 50600, udpPortEnd: 50700 },
};
// Clients in the distinct run share a doctor ten at a time, so that bookings meet on the same
// clinician's rows and index entries as they would in a clinic, without contending for a slot.
const CLIENTS_PER_DOCTOR = 10;
const RETRIES = 20;
// Slots that start this far ahead stay in the future however slowly the bench runs.
const SLOT_LEAD_MS = 2 * 60 * 60_000;
// Room for a cold `next build` on a busy machine and for signing in every client.
const BUDGET_MS = 25 * 60_000;
// A hung cleanup must not keep the bench alive.
const CLEANUP_BUDGET_MS = 60_000;

async function main(): Promise<number> {
  const startedAt = performance.now();
  const clients = clientCount();
  const watchdog = setTimeout(() => void abort(`the bench took longer than ${BUDGET_MS / 60_000} minutes`), BUDGET_MS);

  const stack = await startStack(STACK);
  shareAppSettings(stack);
  onShutdown(() => db().$client.end({ timeout: 5 }));

  const setupStartedAt = performance.now();
  const patients = await signUpPatients(stack.baseUrl, clients);
  const doctorCount = Math.ceil(clients / CLIENTS_PER_DOCTOR);
  // One doctor more, whose slots the contention and retry runs (and the warm-up) use.
  const doctors = await createDoctors(doctorCount + 1);
  const reader = patients[0]!.client;
  const distinct: Booking[] = [];
  for (const [d, clinicianId] of doctors.slice(0, doctorCount).entries()) {
    const slots = await openSlots(reader, clinicianId, CLIENTS_PER_DOCTOR, SLOT_LEAD_MS);
    for (const [s, slot] of slots.entries()) {
      const patient = patients[d * CLIENTS_PER_DOCTOR + s];
      if (patient) distinct.push({ patient, clinicianId, slot });
    }
  }
  const shared = doctors.at(-1)!;
  const [contended, retried, warmUp] = await openSlots(reader, shared, 3, SLOT_LEAD_MS);
  console.log(
    `setup: ${clients} patients signed in and registered, ${doctors.length} doctors, in ${seconds(performance.now() - setupStartedAt)} s`,
  );

  // The server loads a route's code on its first request; one booking off the clock pays for that.
  const warm = await book({ patient: patients[0]!, clinicianId: shared, slot: warmUp! }, `bench-warm-up-${Date.now()}`);
  if (warm.status !== 200) throw new Error(`the warm-up booking answered ${warm.status}: ${JSON.stringify(warm.body)}`);

  const d = await distinctRun(distinct);
  console.log(
    `distinct: ${d.booked}/${clients} booked in ${ms(d.wallMs)} ms = ${d.rps.toFixed(1)} bookings/s; ` +
      `p50 ${ms(d.latency.p50)} ms, p95 ${ms(d.latency.p95)} ms, max ${ms(d.latency.max)} ms; statuses ${d.statuses}`,
  );
  const c = await contentionRun(patients.map((patient) => ({ patient, clinicianId: shared, slot: contended! })));
  console.log(
    `contention: ${clients} clients, one slot: statuses ${c.statuses} (${c.conflicts} with code "conflict"); ` +
      `p50 ${ms(c.latency.p50)} ms, p95 ${ms(c.latency.p95)} ms, max ${ms(c.latency.max)} ms`,
  );
  const r = await retryRun({ patient: patients[0]!, clinicianId: shared, slot: retried! }, RETRIES);
  console.log(
    `retry: ${RETRIES} copies under one key: statuses ${r.statuses}, ${r.ids} distinct appointment id(s), ${r.rows} row(s) stored; ` +
      `p50 ${ms(r.latency.p50)} ms, p95 ${ms(r.latency.p95)} ms`,
  );
  const doubleBookings = await countDoubleBookings();

  const cleanedUp = await shutdown();
  clearTimeout(watchdog);
  console.log(`bench wall time: ${seconds(performance.now() - startedAt)} s`);
  console.log(`double_bookings=${doubleBookings}`);
  const flag = (ok: boolean) => (ok ? 1 : 0);
  console.log(
    [
      "RESULT name=booking",
      `clients=${clients}`,
      `rps=${d.rps.toFixed(1)}`,
      `p50_ms=${ms(d.latency.p50)}`,
      `p95_ms=${ms(d.latency.p95)}`,
      `max_ms=${ms(d.latency.max)}`,
      `distinct_ok=${flag(d.ok)}`,
      `contention_ok=${flag(c.ok)}`,
      `contention_p95_ms=${ms(c.latency.p95)}`,
      `retry_ok=${flag(r.ok)}`,
      `double_bookings=${doubleBookings}`,
    ].join(" "),
  );
  return cleanedUp && d.ok && c.ok && r.ok && doubleBookings === 0 ? 0 : 1;
}

function clientCount(): number {
  const raw = process.env.BENCH_CLIENTS ?? "200";
  const clients = Number(raw);
  if (!Number.isInteger(clients) || clients < 2) throw new Error(`BENCH_CLIENTS must be an integer of at least 2, not "${raw}"`);
  return clients;
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}

async function abort(reason: string): Promise<never> {
  console.error(`bench:booking failed: ${reason}`);
  await Promise.race([shutdown(), new Promise((resolve) => setTimeout(resolve, CLEANUP_BUDGET_MS))]);
  process.exit(1);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => abort(describe(error)),
);
