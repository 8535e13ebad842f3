// Patients booking one slot after another through the booking API, as long as the drill lasts,
// each request timed and kept. A 503 or no answer is retried under the same Idempotency-Key,
// as a client that wants its booking would do: the app then returns the booking if the first
// attempt did commit, and never makes two.
import { randomUUID } from "node:crypto";
import { book } from "../booking/runs";
import type { BenchPatient, Slot } from "../booking/setup";
import { sleep } from "./drill";

/** One request and what came of it; times are `performance.now()`. */
export type Attempt = {
  client: number;
  key: string;
  startedAt: number;
  endedAt: number;
  status: number;
  /** `error.code` of a JSON error body. */
  code: string | null;
  timedOut: boolean;
  error?: string;
};

/** A booking the app answered 200 for: what it must still hold afterwards. */
export type Acknowledged = { id: string; key: string; patientId: string; clinicianId: string; startsAt: string };

export type Booker = { patient: BenchPatient; clinicianId: string; slots: Slot[] };

export type BookingOptions = {
  /** A request still unanswered after this long is abandoned and counted as a hang. */
  timeoutMs: number;
  /** Between one booking's answer and the next booking. */
  thinkMs: number;
  /** Before trying a 503 (or unanswered) booking again. */
  retryMs: number;
};

type AppointmentBody = { id?: string; error?: { code?: string } };

/**
 * Runs every booker until `stop()`; the promise of `done` resolves once each has finished the
 * booking it was on (retries included) after `stop()`, or at `giveUpAt` at the latest.
 */
export function startBooking(bookers: Booker[], options: BookingOptions) {
  const attempts: Attempt[] = [];
  const acknowledged: Acknowledged[] = [];
  let stopping = false;
  let giveUpAt = Number.POSITIVE_INFINITY;
  let slotsRanOut = 0;

  async function run(booker: Booker, client: number) {
    for (const slot of booker.slots) {
      if (stopping) return;
      const key = `faults-${randomUUID()}`;
      for (;;) {
        const startedAt = performance.now();
        const outcome = await book({ patient: booker.patient, clinicianId: booker.clinicianId, slot }, key, options.timeoutMs);
        const body = outcome.body as AppointmentBody | null;
        attempts.push({
          client,
          key,
          startedAt,
          endedAt: performance.now(),
          status: outcome.status,
          code: typeof body === "object" ? (body?.error?.code ?? null) : null,
          timedOut: outcome.timedOut ?? false,
          error: outcome.error,
        });
        if (outcome.status === 200 && body?.id) {
          acknowledged.push({ id: body.id, key, patientId: booker.patient.patientId, clinicianId: booker.clinicianId, startsAt: slot.startsAt });
          break;
        }
        const retryable = outcome.status === 503 || outcome.status === 0;
        if (!retryable || performance.now() >= giveUpAt) break;
        await sleep(options.retryMs);
      }
      await sleep(options.thinkMs);
    }
    slotsRanOut++;
  }

  const running = Promise.all(bookers.map((booker, i) => run(booker, i)));
  return {
    attempts,
    acknowledged,
    get slotsRanOut() {
      return slotsRanOut;
    },
    /** Asks every booker to finish its current booking and stop; resolves when they have. */
    async stop(graceMs: number): Promise<void> {
      stopping = true;
      giveUpAt = performance.now() + graceMs;
      await running;
    },
  };
}
