// `npm run bench:faults:db`: PostgreSQL is stopped for OUTAGE_MS (10 s) and started again while
// BENCH_CLIENTS (default 50) signed-in patients book through the production server (`next
// start`) and its booking API, each one slot after another. The drill owns that PostgreSQL (its
// own data directory and port), so stopping it harms nobody. It then checks and prints:
//   - every booking the app answered 200 for is in the table, as booked;
//   - requests during the outage got a 503 with the JSON code "unavailable": never a 500, never
//     left hanging past the client's 10-second timeout;
//   - the app came back by itself: the first 200 after PostgreSQL was back, and how long 503s
//     went on; the server process never died and logged no unhandled rejection;
//   - the live queue hub's LISTEN came back (an open queue stream gets a fresh view, then a
//     NOTIFY), pg-boss's workers run jobs again, and a page during the outage shows the
//     translated error page rather than a bare 500.
// The last line printed is the machine-readable `RESULT name=faults-db ...`.
import { sql } from "drizzle-orm";
import { db } from "../../db";
import { catalogs } from "../../lib/i18n/config";
import { signalQueue } from "../../lib/queue/signal";
import { onShutdown, shutdown } from "../../scripts/lib/proc";
import { Client } from "../booking/http";
import { createDoctors, openSlots, signUpPatients } from "../booking/setup";
import { percentiles, type Latency } from "../booking/stats";
import type { BenchPostgres } from "../join/postgres";
import { shareAppSettings, startStack } from "../join/stack";
import { ms } from "../join/stats";
import { queueUp } from "../queue/setup";
import { QueueStream } from "../queue/sse";
import { startBooking, type Attempt, type Booker } from "./bookers";
import { logOffset, logSince, positiveInteger, runDrill, seconds, sleep, unhandledReports } from "./drill";

const STACK = {
  name: "bench-faults-db",
  appPort: 3400,
  postgres: { port: 54340, own: true },
  // The app's health check (which the stack waits on) wants a LiveKit server.
  livekit: { port: 7940, rtcTcpPort: 7941, udpPortStart: 51000, udpPortEnd: 51050 },
};
const OUTAGE_MS = 10_000;
// Normal booking before the outage, and at least this long after PostgreSQL is back.
const STEADY_MS = 5_000;
// After the restart, every client must have had a 200 within this long.
const RECOVERY_DEADLINE_MS = 60_000;
const CLIENT_TIMEOUT_MS = 10_000;
const THINK_MS = 250;
const RETRY_MS = 500;
// Each patient books its own doctor's slots, days ahead, so bookings never collide.
const SLOTS_PER_CLIENT = 300;
const SLOT_DAYS = 7;
const SLOT_LEAD_MS = 2 * 60 * 60_000;
// How long the queue stream, NOTIFY and pg-boss may take to show they are back.
const LIVE_DEADLINE_MS = 30_000;
const BUDGET_MS = 25 * 60_000;

async function main(): Promise<number> {
  const startedAt = performance.now();
  const clients = positiveInteger("BENCH_CLIENTS", 50, 2);

  // Next.js leaves library frames out of the stacks it logs; the drill needs them to say which
  // library an unhandled rejection came from.
  process.env.__NEXT_SHOW_IGNORE_LISTED = "true";
  const stack = await startStack(STACK);
  shareAppSettings(stack);
  onShutdown(() => db().$client.end({ timeout: 5 }));
  const pg = stack.postgres as BenchPostgres;
  const app = stack.apps[0]!;
  const streams: QueueStream[] = [];
  onShutdown(async () => streams.forEach((s) => s.close()));

  const setupStartedAt = performance.now();
  const patients = await signUpPatients(stack.baseUrl, clients);
  const doctors = await createDoctors(clients);
  const bookers: Booker[] = [];
  for (const [i, patient] of patients.entries()) {
    const slots = await openSlots(patient.client, doctors[i]!, SLOTS_PER_CLIENT, SLOT_LEAD_MS, SLOT_DAYS);
    bookers.push({ patient, clinicianId: doctors[i]!, slots });
  }
  // One more patient, not booking, waits in a queue with the live stream open throughout.
  const [watcher] = await signUpPatients(stack.baseUrl, 1, clients);
  const [waiting] = await queueUp([watcher!], doctors[0]!);
  const stream = await QueueStream.open(watcher!.client, stack.baseUrl, 0, waiting!.consultationId, 60_000);
  streams.push(stream);
  console.log(`setup: ${clients} patients signed in, each with a doctor of their own; one queue stream open; in ${seconds(performance.now() - setupStartedAt)} s`);

  const logFrom = logOffset(app.logFile);
  const booking = startBooking(bookers, { timeoutMs: CLIENT_TIMEOUT_MS, thinkMs: THINK_MS, retryMs: RETRY_MS });
  await sleep(STEADY_MS);

  const downAt = performance.now();
  await pg.pause();
  const stoppedAt = performance.now();
  console.log(`outage: PostgreSQL stopped (fast shutdown took ${ms(stoppedAt - downAt)} ms); starting it again in ${seconds(OUTAGE_MS)} s`);
  const page = await pageDuringOutage(stack.baseUrl, bookers[1]?.patient.client ?? bookers[0]!.patient.client);
  await sleep(downAt + OUTAGE_MS - performance.now());

  // No view can be read while PostgreSQL is down, so the first event from here on is the hub's
  // re-read after LISTEN is back.
  const resynced = stream.next(() => true, LIVE_DEADLINE_MS + OUTAGE_MS).catch((error: Error) => error);
  const upAt = performance.now();
  await pg.resume();
  const readyAt = performance.now();
  const readyWall = new Date();
  console.log(`outage: PostgreSQL accepting connections again after ${ms(readyAt - downAt)} ms (start took ${ms(readyAt - upAt)} ms)`);

  const listenBack = await resynced;
  let notifyMs: number | null = null;
  if (typeof listenBack === "number") {
    const heard = stream.next(() => true, LIVE_DEADLINE_MS).catch(() => null);
    const notifiedAt = performance.now();
    await db().transaction((tx) => signalQueue(tx, { keys: [], consultations: [waiting!.consultationId] }));
    const at = await heard;
    if (at !== null) notifyMs = at - notifiedAt;
  }

  // Every client must book again after the restart, and the steady state must last a while.
  const recovered = await waitUntil(() => {
    const since = new Set(booking.attempts.filter((a) => a.status === 200 && a.startedAt >= readyAt).map((a) => a.client));
    return since.size === clients && performance.now() - readyAt >= STEADY_MS;
  }, RECOVERY_DEADLINE_MS);
  await booking.stop(RECOVERY_DEADLINE_MS);
  const appAlive = !app.hasExited();

  const jobsBack = await waitUntil(async () => (await noticesCompletedSince(readyWall)) > 0, LIVE_DEADLINE_MS);
  const reports = unhandledReports(logSince(app.logFile, logFrom));
  // Two faults of the libraries, counted apart so that anything else stands out (README, "Fault
  // drills"). postgres.js 3.4.9 writes a transaction's ROLLBACK to a socket that has just closed,
  // and throws from a timer (porsager/postgres#1208); db/index.ts retires the pool it broke.
  // pg-boss 10.4.2 does not await marking a finished job done (timgit/pg-boss#577); the job is
  // retried after it expires, and the SMS outbox's dedupe key keeps that from texting twice.
  const driverBug = reports.filter((r) => r.block.includes("Cannot read properties of null (reading 'write')"));
  const jobsBug = reports.filter((r) => /pg-boss[\\/]src[\\/]manager\.js/.test(r.block) && /Manager\.(complete|fail)\b/.test(r.block));
  const unhandled = reports.filter((r) => !driverBug.includes(r) && !jobsBug.includes(r));
  const streamStayedOpen = stream.isOpen;
  const durability = await checkDurability(booking.acknowledged);
  const noticesMissing = await noticesMissingFor(booking.acknowledged.map((a) => a.id));
  const noticesSinceRestart = await noticesCompletedSince(readyWall);

  const attempts = booking.attempts;
  const during = attempts.filter((a) => a.startedAt >= downAt && a.startedAt < readyAt);
  const unavailable = attempts.filter((a) => a.status === 503);
  const wrongUnavailable = unavailable.filter((a) => a.code !== "unavailable").length;
  const serverErrors = attempts.filter((a) => a.status >= 500 && a.status !== 503).length;
  const hangs = attempts.filter((a) => a.timedOut).length;
  const noAnswer = attempts.filter((a) => a.status === 0 && !a.timedOut).length;
  const otherRefusals = attempts.filter((a) => a.status !== 200 && a.status !== 503 && a.status !== 0 && a.status < 500).length;
  const firstSuccess = Math.min(...attempts.filter((a) => a.status === 200 && a.endedAt >= readyAt).map((a) => a.endedAt));
  const firstSuccessMs = Number.isFinite(firstSuccess) ? firstSuccess - readyAt : null;
  const lastUnavailable = Math.max(...unavailable.map((a) => a.endedAt));
  const perClientBack = clientsBackAfter(attempts, readyAt, clients);
  const unavailableLatency = unavailable.length > 0 ? percentiles(unavailable.map((a) => a.endedAt - a.startedAt)) : null;
  const allLatency = percentiles(attempts.map((a) => a.endedAt - a.startedAt));
  const cleanedUp = await shutdown();

  console.log(`\nrequests: ${attempts.length} in all, ${booking.acknowledged.length} bookings acknowledged (200); statuses ${statusCounts(attempts)}`);
  console.log(`  before the outage: ${statusCounts(attempts.filter((a) => a.startedAt < downAt))}`);
  console.log(`  sent while PostgreSQL was down or starting (${ms(readyAt - downAt)} ms): ${statusCounts(during)}`);
  console.log(`  after it was back: ${statusCounts(attempts.filter((a) => a.startedAt >= readyAt))}`);
  console.log(`503 answers: ${unavailable.length}, ${wrongUnavailable} without the JSON code "unavailable"; time to answer ${latencyText(unavailableLatency)}`);
  console.log(`every request: ${latencyText(allLatency)}; hangs past ${seconds(CLIENT_TIMEOUT_MS)} s: ${hangs}; 500s and other 5xx: ${serverErrors}; no HTTP answer: ${noAnswer}; other refusals (4xx): ${otherRefusals}`);
  console.log(
    `recovery without a restart: first 200 ${firstSuccessMs === null ? "never" : `${ms(firstSuccessMs)} ms`} after PostgreSQL was back; ` +
      `last 503 ${Number.isFinite(lastUnavailable) ? `${ms(lastUnavailable - readyAt)} ms` : "n/a"} after it; ` +
      `each client's first 200 after it: ${latencyText(perClientBack.latency)} (${perClientBack.missing} clients without one)`,
  );
  console.log(
    `live queue: LISTEN back and a fresh view pushed ${typeof listenBack === "number" ? `${ms(listenBack - readyAt)} ms` : `never (${listenBack.message})`} after PostgreSQL was back; ` +
      `a NOTIFY then reached the stream in ${notifyMs === null ? "never" : `${ms(notifyMs)} ms`}; the stream stayed open: ${streamStayedOpen ? "yes" : "no"}`,
  );
  console.log(`pg-boss: ${noticesSinceRestart} notice jobs completed since the restart; no confirmation notice queued for ${noticesMissing} of the acknowledged bookings`);
  console.log(`page during the outage: ${page.path} answered ${page.status} in ${ms(page.ms)} ms; the translated error page: ${page.translated ? "yes" : "no"}; /api/health answered ${page.health}`);
  console.log(
    `server process: ${appAlive ? "alive throughout" : "DIED"}; unhandled rejections or uncaught exceptions logged: ${unhandled.length}, ` +
      `besides ${driverBug.length} of postgres.js's write to a closed socket (porsager/postgres#1208) and ` +
      `${jobsBug.length} of pg-boss's unawaited job completion (timgit/pg-boss#577)`,
  );
  for (const report of unhandled.slice(0, 3)) console.error(report.block.split("\n").slice(0, 12).join("\n"));
  console.log(
    `durability: ${durability.found}/${booking.acknowledged.length} acknowledged bookings in the table as booked (${durability.lost} lost, ${durability.changed} changed); ` +
      `${durability.unacknowledged} rows stored without a 200; ${durability.duplicateKeys} keys stored twice`,
  );
  if (booking.slotsRanOut > 0) console.log(`${booking.slotsRanOut} clients ran out of slots before the end`);
  console.log(`drill wall time: ${seconds(performance.now() - startedAt)} s`);

  const ok =
    cleanedUp &&
    recovered &&
    appAlive &&
    jobsBack &&
    durability.lost === 0 &&
    durability.changed === 0 &&
    durability.duplicateKeys === 0 &&
    unavailable.length > 0 &&
    wrongUnavailable === 0 &&
    serverErrors === 0 &&
    hangs === 0 &&
    unhandled.length === 0 &&
    typeof listenBack === "number" &&
    notifyMs !== null &&
    streamStayedOpen;
  console.log(
    [
      "RESULT name=faults-db",
      `clients=${clients}`,
      `outage_ms=${ms(readyAt - downAt)}`,
      `requests=${attempts.length}`,
      `acknowledged=${booking.acknowledged.length}`,
      `lost=${durability.lost}`,
      `unacknowledged_rows=${durability.unacknowledged}`,
      `outage_requests=${during.length}`,
      `status_503=${unavailable.length}`,
      `status_5xx_other=${serverErrors}`,
      `hangs=${hangs}`,
      `p95_503_ms=${unavailableLatency ? ms(unavailableLatency.p95) : "n/a"}`,
      `max_503_ms=${unavailableLatency ? ms(unavailableLatency.max) : "n/a"}`,
      `first_success_after_restart_ms=${firstSuccessMs === null ? "n/a" : ms(firstSuccessMs)}`,
      `all_clients_back_ms=${perClientBack.latency ? ms(perClientBack.latency.max) : "n/a"}`,
      `listen_back_ms=${typeof listenBack === "number" ? ms(listenBack - readyAt) : "n/a"}`,
      `notices_missing=${noticesMissing}`,
      `unhandled=${unhandled.length}`,
      `known_postgresjs_1208=${driverBug.length}`,
      `known_pgboss_577=${jobsBug.length}`,
      `app_alive=${appAlive ? 1 : 0}`,
      `ok=${ok ? 1 : 0}`,
    ].join(" "),
  );
  return ok ? 0 : 1;
}

/** `200×940 503×312`, with `0` for requests that got no HTTP answer. */
function statusCounts(attempts: Attempt[]): string {
  if (attempts.length === 0) return "none";
  const counts = new Map<string, number>();
  for (const a of attempts) {
    const label = a.timedOut ? "timeout" : String(a.status);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}×${count}`).join(" ");
}

function latencyText(l: Latency | null): string {
  return l ? `p50 ${ms(l.p50)} ms, p95 ${ms(l.p95)} ms, max ${ms(l.max)} ms` : "n/a";
}

/** For each client, from `readyAt` to its first 200 answered after it. */
function clientsBackAfter(attempts: Attempt[], readyAt: number, clients: number): { latency: Latency | null; missing: number } {
  const first = new Map<number, number>();
  for (const a of attempts) {
    if (a.status !== 200 || a.endedAt < readyAt) continue;
    first.set(a.client, Math.min(first.get(a.client) ?? Number.POSITIVE_INFINITY, a.endedAt - readyAt));
  }
  return { latency: first.size > 0 ? percentiles([...first.values()]) : null, missing: clients - first.size };
}

/**
 * Reads back, from the database and not from any answer, every booking the app acknowledged;
 * and every row the drill's keys left, to find bookings stored without a 200 or stored twice.
 */
async function checkDurability(acknowledged: { id: string; key: string; patientId: string; clinicianId: string; startsAt: string }[]) {
  const rows = await db().execute<{ id: string; key: string; patient_id: string; clinician_id: string; starts_at: string; status: string }>(sql`
    select id, idempotency_key as key, patient_id, clinician_id, starts_at, status::text as status
    from appointments where idempotency_key like 'faults-%'`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  let found = 0;
  let changed = 0;
  for (const a of acknowledged) {
    const row = byId.get(a.id);
    if (!row) continue;
    found++;
    const same =
      row.key === a.key &&
      row.patient_id === a.patientId &&
      row.clinician_id === a.clinicianId &&
      new Date(row.starts_at).getTime() === new Date(a.startsAt).getTime() &&
      row.status === "booked";
    if (!same) changed++;
  }
  const acknowledgedIds = new Set(acknowledged.map((a) => a.id));
  const keys = new Map<string, number>();
  for (const row of rows) keys.set(row.key, (keys.get(row.key) ?? 0) + 1);
  return {
    found,
    lost: acknowledged.length - found,
    changed,
    unacknowledged: rows.filter((row) => !acknowledgedIds.has(row.id)).length,
    duplicateKeys: [...keys.values()].filter((count) => count > 1).length,
  };
}

/** Appointment-notice jobs that pg-boss's workers completed after `since`. */
async function noticesCompletedSince(since: Date): Promise<number> {
  const [row] = await db().execute<{ count: number }>(sql`
    select count(*)::int as count from pgboss.job
    where name = 'appointment-notice' and state = 'completed' and completed_on >= ${since.toISOString()}::timestamptz`);
  return row?.count ?? 0;
}

/** Acknowledged bookings for which no confirmation notice job was ever queued. */
async function noticesMissingFor(ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db().execute<{ count: number }>(sql`
    select count(*)::int as count
    from unnest(${`{${ids.join(",")}}`}::uuid[]) as a(id)
    where not exists (
      select 1 from pgboss.job j
      where j.name = 'appointment-notice' and j.data->>'appointmentId' = a.id::text and j.data->>'kind' = 'bookingConfirmed'
    ) and not exists (
      select 1 from pgboss.archive j
      where j.name = 'appointment-notice' and j.data->>'appointmentId' = a.id::text and j.data->>'kind' = 'bookingConfirmed'
    )`);
  return row?.count ?? 0;
}

type PageCheck = { path: string; status: number | string; ms: number; translated: boolean; health: number | string };

/**
 * A signed-in patient opens a page while PostgreSQL is down: the answer, and whether it is the
 * app's own error page in either language rather than Next.js's bare one.
 */
async function pageDuringOutage(baseUrl: string, client: Client): Promise<PageCheck> {
  const path = "/appointments";
  const titles = Object.values(catalogs).flatMap((c) => [c.errorPage.internalTitle, c.errorPage.unavailableTitle]);
  const startedAt = performance.now();
  let status: number | string;
  let translated = false;
  try {
    const response = await client.request(path, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    const html = await response.text();
    status = response.status;
    translated = titles.some((title) => html.includes(title));
  } catch (error) {
    status = error instanceof Error ? error.name : String(error);
  }
  const elapsed = performance.now() - startedAt;
  let health: number | string;
  try {
    const response = await fetch(new URL("/api/health", baseUrl), { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    await response.body?.cancel();
    health = response.status;
  } catch (error) {
    health = error instanceof Error ? error.name : String(error);
  }
  return { path, status, ms: elapsed, translated, health };
}

async function waitUntil(probe: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (performance.now() > deadline) return false;
    await sleep(250);
  }
}

runDrill("bench:faults:db", BUDGET_MS, main);
