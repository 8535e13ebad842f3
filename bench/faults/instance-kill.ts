// `npm run bench:faults:instance`: one of two `next start` instances is killed (SIGKILL) while
// BENCH_CLIENTS (default 50) waiting patients hold the live queue stream through nginx, which
// balances over both. The patients' clients reconnect as the waiting page does (the browser's
// EventSource, honouring the server's `retry:`, plus the page's reopen after an HTTP error).
// Right after the kill the doctor admits the next patient, so every place changes while the
// dead instance's patients are away. Measures and checks:
//   - every patient of the dead instance is back, on the other one, within 5 s: p50/p95/max of
//     kill → first queue event on the new connection, and how many were not back;
//   - each patient's stream then shows the place the database gives (the queue rule applied to
//     the consultations table by SQL here, not read from any stream);
//   - no queue entry is lost: waiting consultations before and after (less the one admitted);
//   - the streams on the surviving instance never dropped.
// The last line printed is the machine-readable `RESULT name=faults-instance ...`.
import { sql } from "drizzle-orm";
import { db } from "../../db";
import { isAccepting, onShutdown, shutdown } from "../../scripts/lib/proc";
import { signUpPatients } from "../booking/setup";
import { percentiles } from "../booking/stats";
import { shareAppSettings, startStack } from "../join/stack";
import { ms } from "../join/stats";
import { doctorOnline, queueUp } from "../queue/setup";
import { positiveInteger, runDrill, seconds, sleep } from "./drill";
import { ReconnectingQueueStream } from "./event-source";
import { findNginx, startNginx } from "./nginx";

const STACK = {
  name: "bench-faults-instance",
  appPort: 3410,
  instances: 2,
  livekit: { port: 7944, rtcTcpPort: 7945, udpPortStart: 51100, udpPortEnd: 51150 },
};
const PROXY_PORT = 3420;
const BACK_WITHIN_MS = 5_000;
// How long a patient may take before the drill stops waiting (and counts them as not back).
const GIVE_UP_MS = 60_000;
const CONNECT_TIMEOUT_MS = 120_000;
// After everyone is back: no queue event on any stream for this long, so the views have settled.
const QUIET_MS = 1_000;
const BUDGET_MS = 25 * 60_000;

async function main(): Promise<number> {
  const startedAt = performance.now();
  const clients = positiveInteger("BENCH_CLIENTS", 50, 4);
  const nginx = findNginx();
  if (!nginx) {
    console.log("RESULT name=faults-instance skipped=1 reason=nginx_missing");
    return 1;
  }

  const stack = await startStack(STACK);
  shareAppSettings(stack);
  onShutdown(() => db().$client.end({ timeout: 5 }));
  const upstreams = stack.baseUrls.map((url) => new URL(url).host);
  const proxy = await startNginx(nginx, STACK.name, PROXY_PORT, upstreams);
  const streams: ReconnectingQueueStream[] = [];
  onShutdown(async () => streams.forEach((s) => s.close()));

  const setupStartedAt = performance.now();
  const patients = await signUpPatients(proxy.url, clients);
  const doctor = await doctorOnline(proxy.url);
  const queue = await queueUp(patients, doctor.id);
  console.log(`setup: ${clients} patients signed in through nginx and waiting in one queue, in ${seconds(performance.now() - setupStartedAt)} s`);

  for (const [i, { patient, consultationId }] of queue.entries()) {
    streams[i] = new ReconnectingQueueStream(patient.client, `/api/queue/stream?consultation=${encodeURIComponent(consultationId)}`);
  }
  const allOpen = await Promise.all(streams.map((s) => s.waitFor(() => s.current?.firstEventAt != null, CONNECT_TIMEOUT_MS)));
  if (allOpen.some((open) => !open)) throw new Error(`${allOpen.filter((open) => !open).length} of ${clients} streams did not open`);
  const retryHint = new Set(streams.map((s) => s.retryMs));
  const byUpstream = countBy(streams.map((s) => s.current!.upstream));
  console.log(`streams: ${clients} open with their first queue event; by instance ${format(byUpstream)}; the server's retry: ${[...retryHint].join(", ")} ms`);
  if (byUpstream.size < 2) throw new Error("nginx put every stream on one instance, so killing one tells nothing");

  const waitingBefore = await waitingCount(doctor.id);
  // The instance holding the most streams is killed: the harder case.
  const victimHost = [...byUpstream].sort(([, a], [, b]) => b - a)[0]![0];
  const victim = upstreams.indexOf(victimHost);
  const orphans = streams.filter((s) => s.current!.upstream === victimHost);
  const survivors = streams.filter((s) => s.current!.upstream !== victimHost);
  const connectionsBefore = new Map(streams.map((s) => [s, s.connections.length]));

  const killedAt = performance.now();
  stack.apps[victim]!.kill("SIGKILL");
  // A request that reaches the instance in the instant it dies fails with it, whatever the proxy
  // does (nginx answers 502; it does not resend a POST). The doctor acts once it is gone.
  await stack.apps[victim]!.exited;
  const victimPort = Number(new URL(stack.baseUrls[victim]!).port);
  while (await isAccepting(victimPort)) await sleep(20);
  const goneMs = performance.now() - killedAt;
  // While the killed instance's patients are away, the queue moves: everyone's place changes.
  const admitted = await doctor.client.postJson("/api/queue/admit-next", {});
  if (admitted.status !== 200) throw new Error(`admit-next after the kill answered ${admitted.status}: ${JSON.stringify(admitted.body)}`);
  const admittedId = (admitted.body as { consultationId?: string }).consultationId;
  console.log(
    `kill: SIGKILL to instance ${victimHost} (${orphans.length} streams), gone after ${ms(goneMs)} ms; ` +
      `then admit-next through nginx answered 200 in ${ms(admitted.ms)} ms`,
  );

  const isBack = (s: ReconnectingQueueStream) => {
    const c = s.current;
    return c !== null && c.upstream !== victimHost && c.firstEventAt !== null && s.connections.length > connectionsBefore.get(s)!;
  };
  await Promise.all(orphans.map((s) => s.waitFor(() => isBack(s), GIVE_UP_MS)));
  const reconnectMs = orphans.filter(isBack).map((s) => s.current!.firstEventAt! - killedAt);
  const notBack = orphans.length - reconnectMs.length;
  const slow = reconnectMs.filter((t) => t > BACK_WITHIN_MS).length;
  await quiet(streams, QUIET_MS, 30_000);

  const expected = await placesFromDatabase(doctor.id);
  let wrongPlace = 0;
  for (const [i, s] of streams.entries()) {
    const consultationId = queue[i]!.consultationId;
    const want = expected.get(consultationId);
    const view = s.latest;
    const right =
      consultationId === admittedId
        ? view?.status === "in_call"
        : want !== undefined && view?.status === "waiting" && view.place === want;
    if (!right) {
      if (wrongPlace < 5) console.error(`  ${consultationId}: stream shows ${JSON.stringify(view && { status: view.status, place: view.place })}, database ${want ?? "not waiting"}`);
      wrongPlace++;
    }
  }
  const waitingAfter = await waitingCount(doctor.id);
  const lost = waitingBefore - 1 - waitingAfter;
  const survivorDrops = survivors.filter((s) => s.connections.length !== connectionsBefore.get(s) || s.current === null).length;
  const httpErrors = streams.reduce((sum, s) => sum + s.httpErrors, 0);
  const reasons = countBy(orphans.map((s) => s.connections[connectionsBefore.get(s)! - 1]?.end ?? "?"));
  const reconnect = reconnectMs.length > 0 ? percentiles(reconnectMs) : null;

  for (const s of streams) s.close();
  const cleanedUp = await shutdown();

  console.log(`\nhow the killed instance's streams ended: ${format(reasons)}`);
  console.log(
    `reconnect (kill → first queue event on the other instance), ${orphans.length} streams: ` +
      (reconnect ? `p50 ${ms(reconnect.p50)} ms, p95 ${ms(reconnect.p95)} ms, max ${ms(reconnect.max)} ms` : "none came back") +
      `; later than ${seconds(BACK_WITHIN_MS)} s: ${slow}; not back within ${seconds(GIVE_UP_MS)} s: ${notBack}; HTTP errors on the way: ${httpErrors}`,
  );
  console.log(`streams on the surviving instance that dropped: ${survivorDrops} of ${survivors.length}`);
  console.log(`places: ${clients - wrongPlace}/${clients} streams show the database's place (or the call, for the admitted patient); ${wrongPlace} wrong`);
  console.log(`queue: ${waitingBefore} waiting before, 1 admitted, ${waitingAfter} waiting after: ${lost} lost`);
  console.log(`drill wall time: ${seconds(performance.now() - startedAt)} s`);

  const ok = cleanedUp && notBack === 0 && slow === 0 && wrongPlace === 0 && lost === 0 && survivorDrops === 0;
  console.log(
    [
      "RESULT name=faults-instance",
      `clients=${clients}`,
      `killed_streams=${orphans.length}`,
      `reconnect_p50_ms=${reconnect ? ms(reconnect.p50) : "n/a"}`,
      `reconnect_p95_ms=${reconnect ? ms(reconnect.p95) : "n/a"}`,
      `reconnect_max_ms=${reconnect ? ms(reconnect.max) : "n/a"}`,
      `not_back_5s=${slow + notBack}`,
      `not_back=${notBack}`,
      `wrong_place=${wrongPlace}`,
      `waiting_before=${waitingBefore}`,
      `waiting_after=${waitingAfter}`,
      `lost=${lost}`,
      `survivor_drops=${survivorDrops}`,
      `ok=${ok ? 1 : 0}`,
    ].join(" "),
  );
  return ok ? 0 : 1;
}

async function waitingCount(doctorId: string): Promise<number> {
  const [row] = await db().execute<{ count: number }>(
    sql`select count(*)::int as count from consultations where clinician_id = ${doctorId} and status = 'waiting'`,
  );
  return row?.count ?? 0;
}

/**
 * Each waiting consultation's place under the queue rule as PRODUCT.md states it, in SQL: triage
 * level first; then booked patients whose time has come, by appointment time; then everyone
 * else by arrival; ties by arrival, then id. Written apart from lib/queue/ordering.ts on purpose.
 */
async function placesFromDatabase(doctorId: string): Promise<Map<string, number>> {
  const rows = await db().execute<{ id: string; place: number }>(sql`
    select id, (row_number() over (order by
      case triage when 'emergency' then 0 when 'urgent' then 1 else 2 end,
      (scheduled_at is not null and scheduled_at <= now()) desc,
      case when scheduled_at is not null and scheduled_at <= now() then scheduled_at else checked_in_at end,
      checked_in_at,
      id))::int as place
    from consultations
    where clinician_id = ${doctorId} and status = 'waiting'`);
  return new Map(rows.map((row) => [row.id, row.place]));
}

/** Waits until no stream has had an event for `quietMs`. */
async function quiet(streams: ReconnectingQueueStream[], quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const quietFor = performance.now() - Math.max(0, ...streams.map((s) => s.lastEventAt));
    if (quietFor >= quietMs) return;
    if (performance.now() > deadline) throw new Error(`the streams did not go quiet for ${quietMs} ms within ${timeoutMs} ms`);
    await sleep(quietMs - quietFor);
  }
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function format(counts: Map<string, number>): string {
  return [...counts].map(([key, count]) => `${key}×${count}`).join(", ");
}

runDrill("bench:faults:instance", BUDGET_MS, main);
