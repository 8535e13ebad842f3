// The three timed runs. Each fires all its requests in the same tick and waits for every answer;
// a request that fails outright is counted (status 0), never retried.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "../../db";
import type { Outcome } from "./http";
import type { BenchPatient, Slot } from "./setup";
import { countStatus, latency, statusCounts, type Latency } from "./stats";

const BOOK = "/api/appointments";

export type Booking = { patient: BenchPatient; clinicianId: string; slot: Slot };

type AppointmentBody = { id?: string; error?: { code?: string } };

/** Books for `patient` through the HTTP API, as the booking page's client would. */
export function book({ patient, clinicianId, slot }: Booking, idempotencyKey: string, timeoutMs?: number): Promise<Outcome> {
  return patient.client.postJson(
    BOOK,
    { patientId: patient.patientId, clinicianId, startsAt: slot.startsAt, endsAt: slot.endsAt },
    { "idempotency-key": idempotencyKey },
    timeoutMs,
  );
}

export type DistinctReport = { ok: boolean; booked: number; rps: number; latency: Latency; statuses: string; wallMs: number };

/** Every client books its own free slot at once: throughput of bookings that do not collide. */
export async function distinctRun(bookings: Booking[]): Promise<DistinctReport> {
  const startedAt = performance.now();
  const outcomes = await Promise.all(bookings.map((booking) => book(booking, key())));
  const wallMs = performance.now() - startedAt;
  const booked = countStatus(outcomes, 200);
  const ids = new Set(outcomes.map((o) => (o.body as AppointmentBody | null)?.id).filter(Boolean));
  reportFailures("distinct", outcomes, (o) => o.status !== 200);
  return {
    ok: booked === bookings.length && ids.size === bookings.length,
    booked,
    rps: booked / (wallMs / 1000),
    latency: latency(outcomes),
    statuses: statusCounts(outcomes),
    wallMs,
  };
}

export type ContentionReport = { ok: boolean; latency: Latency; statuses: string; conflicts: number };

/** Every client asks for the same slot at once: exactly one may win, everyone else gets 409. */
export async function contentionRun(bookings: Booking[]): Promise<ContentionReport> {
  const outcomes = await Promise.all(bookings.map((booking) => book(booking, key())));
  const won = countStatus(outcomes, 200);
  const conflicts = outcomes.filter((o) => o.status === 409 && (o.body as AppointmentBody | null)?.error?.code === "conflict").length;
  reportFailures("contention", outcomes, (o) => o.status !== 200 && o.status !== 409);
  return { ok: won === 1 && conflicts === bookings.length - 1, latency: latency(outcomes), statuses: statusCounts(outcomes), conflicts };
}

export type RetryReport = { ok: boolean; latency: Latency; statuses: string; ids: number; rows: number };

/**
 * One client sends the same booking under the same Idempotency-Key `times` times at once, as a
 * flaky network's retries would: every answer must be the one appointment, stored once.
 */
export async function retryRun(booking: Booking, times: number): Promise<RetryReport> {
  const idempotencyKey = key();
  const outcomes = await Promise.all(Array.from({ length: times }, () => book(booking, idempotencyKey)));
  const ids = new Set(outcomes.map((o) => (o.body as AppointmentBody | null)?.id));
  const [stored] = await db().execute<{ rows: number }>(
    sql`select count(*)::int as rows from appointments where idempotency_key = ${idempotencyKey}`,
  );
  const rows = stored?.rows ?? 0;
  reportFailures("retry", outcomes, (o) => o.status !== 200);
  const ok = countStatus(outcomes, 200) === times && ids.size === 1 && !ids.has(undefined) && rows === 1;
  return { ok, latency: latency(outcomes), statuses: statusCounts(outcomes), ids: ids.size, rows };
}

/**
 * Pairs of live appointments of one clinician whose times overlap, whoever booked them. The
 * exclusion constraint should make this impossible; the bench checks rather than trusts it.
 */
export async function countDoubleBookings(): Promise<number> {
  const [row] = await db().execute<{ pairs: number }>(sql`
    select count(*)::int as pairs
    from appointments a
    join appointments b
      on a.clinician_id = b.clinician_id
     and a.id < b.id
     and a.starts_at < b.ends_at
     and b.starts_at < a.ends_at
    where a.status <> 'cancelled' and b.status <> 'cancelled'`);
  return row?.pairs ?? 0;
}

function key(): string {
  return `bench-${randomUUID()}`;
}

/** The first few unexpected answers, so that a failed run says what the server said. */
function reportFailures(run: string, outcomes: Outcome[], unexpected: (o: Outcome) => boolean): void {
  const failures = outcomes.filter(unexpected);
  for (const failure of failures.slice(0, 5)) {
    console.error(`${run}: unexpected answer ${failure.status}: ${failure.error ?? JSON.stringify(failure.body)}`);
  }
  if (failures.length > 5) console.error(`${run}: …and ${failures.length - 5} more`);
}

/**
 * Free slots handed out one at a time, spread over the doctors (the first slot of each doctor,
 * then the second, …), so that concurrent bookings meet on several clinicians as in a clinic.
 */
export class SlotPool {
  private readonly slots: { clinicianId: string; slot: Slot }[] = [];
  private next = 0;

  constructor(byDoctor: { clinicianId: string; slots: Slot[] }[]) {
    const longest = Math.max(0, ...byDoctor.map((d) => d.slots.length));
    for (let i = 0; i < longest; i++) {
      for (const { clinicianId, slots } of byDoctor) {
        const slot = slots[i];
        if (slot) this.slots.push({ clinicianId, slot });
      }
    }
  }

  get left(): number {
    return this.slots.length - this.next;
  }

  take(): { clinicianId: string; slot: Slot } | null {
    return this.slots[this.next++] ?? null;
  }
}

export type LoadReport = {
  ok: boolean;
  booked: number;
  rps: number;
  wallMs: number;
  latency: Latency & { p99: number };
  statuses: string;
  /** Requests not answered 200, of which `timeouts` got no answer within the client's deadline. */
  errors: number;
  timeouts: number;
};

/**
 * Closed loop at saturation: `patients.length` clients each book one free slot after another,
 * back to back, for `seconds`: the most bookings per second the stack sustains. Latency here
 * is mostly time spent queued (Little's law: clients / throughput).
 */
export async function saturationRun(patients: BenchPatient[], pool: SlotPool, seconds: number): Promise<LoadReport> {
  const outcomes: Outcome[] = [];
  const startedAt = performance.now();
  const endAt = startedAt + seconds * 1000;
  await Promise.all(
    patients.map(async (patient) => {
      while (performance.now() < endAt) {
        const next = pool.take();
        if (!next) return;
        outcomes.push(await book({ patient, ...next }, key()));
      }
    }),
  );
  const wallMs = performance.now() - startedAt;
  return loadReport("saturation", outcomes, wallMs);
}

/**
 * Open loop: bookings arrive at `rate` per second for `seconds`, each at its scheduled time
 * whatever the earlier ones are doing, from the patients in turn. Latency counts from the
 * scheduled arrival, not from when the request went out, so a server (or a bench) that falls
 * behind shows it as latency instead of quietly sending fewer requests (coordinated omission).
 */
export async function openLoopRun(patients: BenchPatient[], pool: SlotPool, rate: number, seconds: number): Promise<LoadReport & { sent: number; lateMs: number }> {
  const total = Math.round(rate * seconds);
  if (pool.left < total) throw new Error(`the open-loop run needs ${total} free slots, ${pool.left} left`);
  const intervalMs = 1000 / rate;
  const outcomes: Outcome[] = [];
  const inFlight: Promise<void>[] = [];
  let lateMs = 0;
  const startedAt = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const scheduledAt = startedAt + i * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // How far behind schedule the bench itself sent (its own event loop busy); counted in latency anyway.
    lateMs = Math.max(lateMs, performance.now() - scheduledAt);
    const next = pool.take()!;
    inFlight.push(
      book({ patient: patients[i % patients.length]!, ...next }, key(), 10_000).then((outcome) => {
        outcomes.push({ ...outcome, ms: performance.now() - scheduledAt });
      }),
    );
  }
  await Promise.all(inFlight);
  const wallMs = performance.now() - startedAt;
  return { ...loadReport("open-loop", outcomes, wallMs), sent: total, lateMs };
}

/**
 * A load run is correct when every request was booked or ran out of time: an overloaded server
 * shows in the latency and the timeouts, while any other answer (a 409 for a free slot, a 500)
 * is a fault.
 */
function loadReport(run: string, outcomes: Outcome[], wallMs: number): LoadReport {
  const booked = countStatus(outcomes, 200);
  const timeouts = outcomes.filter((o) => o.timedOut).length;
  reportFailures(run, outcomes, (o) => o.status !== 200 && !o.timedOut);
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const p99 = sorted[Math.max(0, Math.ceil(0.99 * sorted.length) - 1)] ?? 0;
  return {
    ok: booked + timeouts === outcomes.length && booked > 0,
    booked,
    rps: booked / (wallMs / 1000),
    wallMs,
    latency: { ...latency(outcomes), p99 },
    statuses: statusCounts(outcomes),
    errors: outcomes.length - booked,
    timeouts,
  };
}
