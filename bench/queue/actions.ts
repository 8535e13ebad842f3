// The timed part: the doctor admits the next patient, and every waiting patient's stream must
// show the change (the admitted one: in the call; everyone else: one place further up).
import type { Doctor } from "./setup";
import type { QueueStream } from "./sse";

export type Delivery = { ms: number; sameInstance: boolean };

export type ActionResult = {
  /** Index of the instance that handled the doctor's request. */
  instance: number;
  httpMs: number;
  /** Streams that were waiting, so had to hear of the change. */
  watched: number;
  deliveries: Delivery[];
  /** Streams that heard nothing matching within the deadline, or broke. */
  missing: number;
  /** Streams whose update was not the expected one (wrong place, or the admitted one not in the call). */
  wrong: number;
  /** From the request to the first and to the last stream's update: what the slowest patient saw. */
  firstMs: number;
  allMs: number;
};

/**
 * One admit-next through `baseUrl`, timed from just before the request to each waiting
 * stream's first event that reflects it.
 */
export async function admitNext(doctor: Doctor, baseUrl: string, instance: number, streams: QueueStream[], timeoutMs: number): Promise<ActionResult> {
  const waiting = streams.filter((s) => s.isOpen && s.latest?.status === "waiting");
  const head = waiting.find((s) => s.latest?.place === 1);
  if (!head) throw new Error("no open stream is at place 1, so the bench cannot tell who should be admitted");
  const placeBefore = new Map(waiting.map((s) => [s, s.latest!.place!]));
  const arrivals = waiting.map((s) => {
    const before = placeBefore.get(s)!;
    return s.next((view) => view.status !== "waiting" || (view.place !== null && view.place < before), timeoutMs);
  });
  // Failures are counted below, once everything has settled.
  for (const arrival of arrivals) arrival.catch(() => {});

  const startedAt = performance.now();
  const answer = await doctor.client.postJson(new URL("/api/queue/admit-next", baseUrl).href, {});
  if (answer.status !== 200) {
    for (const s of waiting) s.cancelWait();
    throw new Error(`POST /api/queue/admit-next answered ${answer.status}: ${answer.error ?? JSON.stringify(answer.body)}`);
  }
  const admitted = (answer.body as { consultationId?: string }).consultationId;
  if (admitted !== head.consultationId) {
    for (const s of waiting) s.cancelWait();
    throw new Error(`admit-next admitted ${admitted}, but ${head.consultationId} was at place 1`);
  }

  const settled = await Promise.allSettled(arrivals);
  const deliveries: Delivery[] = [];
  let missing = 0;
  let wrong = 0;
  for (const [i, outcome] of settled.entries()) {
    const s = waiting[i]!;
    if (outcome.status === "rejected") {
      if (missing === 0) console.error(`  ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`);
      missing++;
      continue;
    }
    deliveries.push({ ms: outcome.value - startedAt, sameInstance: s.instance === instance });
    const view = s.latest!;
    const expected = s === head ? view.status === "in_call" : view.status === "waiting" && view.place === placeBefore.get(s)! - 1;
    if (!expected) wrong++;
  }
  const times = deliveries.map((d) => d.ms);
  return { instance, httpMs: answer.ms, watched: waiting.length, deliveries, missing, wrong, firstMs: Math.min(...times), allMs: Math.max(0, ...times) };
}

/**
 * Waits until no stream has had an event for `quietMs`, so that one action's stragglers (or a
 * periodic refresh already on its way) do not spill into the next action's timing.
 */
export async function quiesce(streams: QueueStream[], quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const last = Math.max(0, ...streams.map((s) => s.lastEventAt));
    const quietFor = performance.now() - last;
    if (quietFor >= quietMs) return;
    if (performance.now() > deadline) throw new Error(`the streams did not go quiet for ${quietMs} ms within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, quietMs - quietFor));
  }
}
