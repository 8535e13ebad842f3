// `npm run bench:queue`: BENCH_CLIENTS (default 500) signed-in patients wait in the demo
// doctor's queue, each holding the live queue stream (Server-Sent Events) open, spread over two
// `next start` instances on one PostgreSQL. Measures:
//   connect — every stream opened at once, until each has its first `queue` event;
//   memory  — each server's live JS heap (after full garbage collections) and RSS, before the
//             streams and after they have sat idle: KiB per stream;
//   actions — BENCH_ACTIONS (default 20) admit-next requests, alternating between the instances,
//             each timed until every waiting stream shows it. The instance that did not handle
//             the request hears of it only through PostgreSQL LISTEN/NOTIFY.
// Also counts the database transactions the storm costs (pg_stat_database, per stream opened),
// and with BENCH_PROFILE=<dir> writes a CPU profile of each server during the storm there
// (open it in Chrome DevTools) and prints where that CPU time went.
// Talks to the app over its HTTP APIs only. Starts and stops its own stack. The last line
// printed is the machine-readable `RESULT name=queue ...`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { db } from "../../db";
import { describe, onShutdown, shutdown } from "../../scripts/lib/proc";
import type { Client } from "../booking/http";
import { signUpPatients } from "../booking/setup";
import { percentiles, type Latency } from "../booking/stats";
import { shareAppSettings, startStack } from "../join/stack";
import { ms } from "../join/stats";
import { admitNext, quiesce, type ActionResult } from "./actions";
import { heapAfterGc, selfTimeBySource, startCpuProfile, topSelfTime } from "./inspector";
import { commandOf, cpuMsOf, listeningPid, memoryOf, parentOf, postgresCpuMs, type Memory } from "./memory";
import { doctorOnline, queueUp, type Waiting } from "./setup";
import { QueueStream, SseParser } from "./sse";

const INSTANCES = 2;
const STACK = {
  name: "bench-queue",
  appPort: 3400,
  instances: INSTANCES,
  // Each server's V8 inspector (loopback), to collect garbage before every memory reading.
  inspectPort: 9440,
  // The app's health check (which the stack waits on) wants a LiveKit server.
  livekit: { port: 7920, rtcTcpPort: 7921, udpPortStart: 50800, udpPortEnd: 50900 },
};
// Long enough for every stream to open on a busy 2-core machine, yet finite.
const CONNECT_TIMEOUT_MS = 120_000;
// An update slower than this is reported missing rather than waited for.
const DELIVERY_TIMEOUT_MS = 30_000;
// Before each memory reading: no requests at all for this long, so the servers settle.
const IDLE_MS = 10_000;
// Between actions: no queue event on any stream for this long.
const QUIET_MS = 500;
const QUIET_TIMEOUT_MS = 30_000;
// Room for a cold `next build`, signing every patient in, and the runs.
const BUDGET_MS = 25 * 60_000;
// A hung cleanup must not keep the bench alive.
const CLEANUP_BUDGET_MS = 60_000;

async function main(): Promise<number> {
  const startedAt = performance.now();
  const clients = positiveInteger("BENCH_CLIENTS", 500, INSTANCES * 2);
  const actions = positiveInteger("BENCH_ACTIONS", 20, 1);
  if (actions >= clients) throw new Error(`BENCH_ACTIONS (${actions}) must be below BENCH_CLIENTS (${clients})`);
  const watchdog = setTimeout(() => void abort(`the bench took longer than ${BUDGET_MS / 60_000} minutes`), BUDGET_MS);

  const stack = await startStack(STACK);
  const urls = stack.baseUrls;
  shareAppSettings(stack);
  onShutdown(() => db().$client.end({ timeout: 5 }));
  const streams: QueueStream[] = [];
  // On a failed run: shutdown() stops the servers first, then this lets go of the client side.
  onShutdown(async () => streams.forEach((s) => s.close()));

  const setupStartedAt = performance.now();
  const patients = await signUpPatients(stack.baseUrl, clients);
  const doctor = await doctorOnline(stack.baseUrl);
  const queue = await queueUp(patients, doctor.id);
  console.log(`setup: ${clients} patients signed in (SMS code over HTTP) and waiting in one queue, in ${seconds(performance.now() - setupStartedAt)} s`);

  // Every server loads the stream route, starts its queue hub and LISTENs before the baseline.
  for (const url of urls) {
    await readFirstEvent(doctor.client, url, "/api/queue/stream", "changed");
    (await QueueStream.open(queue[0]!.patient.client, url, 0, queue[0]!.consultationId, CONNECT_TIMEOUT_MS)).close();
  }
  const servers = urls.map((url) => {
    const pid = listeningPid(Number(new URL(url).port));
    const parent = parentOf(pid);
    return { url, pid, command: commandOf(pid), parent: `${parent} "${commandOf(parent)}"` };
  });
  await sleep(IDLE_MS);
  const before = await readAll(servers);
  const profileDir = process.env.BENCH_PROFILE;
  const profiles = profileDir ? await Promise.all(servers.map((_, i) => startCpuProfile(STACK.inspectPort + i))) : [];
  const transactionsBefore = await databaseTransactions();
  const postgresPort = Number(new URL(stack.databaseUrl).port);
  const cpuBefore = { servers: servers.map((s) => cpuMsOf(s.pid)), postgres: postgresCpuMs(postgresPort), bench: process.cpuUsage() };

  // Patient i waits on instance i mod 2, so both hold every other place in the queue.
  const connectStartedAt = performance.now();
  const connectTimes: number[] = [];
  const opened = await Promise.allSettled(
    queue.map(async ({ patient, consultationId }: Waiting, i) => {
      const instance = i % INSTANCES;
      const stream = await QueueStream.open(patient.client, urls[instance]!, instance, consultationId, CONNECT_TIMEOUT_MS);
      connectTimes.push(performance.now() - connectStartedAt);
      streams.push(stream);
    }),
  );
  const connectWallMs = performance.now() - connectStartedAt;
  const failedToOpen = opened.filter((o) => o.status === "rejected");
  for (const failure of failedToOpen.slice(0, 5)) console.error(`connect: ${describe((failure as PromiseRejectedResult).reason)}`);
  if (failedToOpen.length > 0) throw new Error(`${failedToOpen.length} of ${clients} streams did not open`);
  const connect = percentiles(connectTimes);
  const serverCpu = servers.map((s, i) => cpuMsOf(s.pid) - cpuBefore.servers[i]!);
  const postgresCpu = postgresCpuMs(postgresPort) - cpuBefore.postgres;
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const serverCpuPerStream = serverCpu.reduce((a, b) => a + b, 0) / clients;
  if (profileDir) await writeProfiles(profileDir, profiles, servers);
  const presentInDb = await connectedInDatabase(doctor.id);
  console.log(
    `connect: ${clients} streams open with their first queue event in ${ms(connectWallMs)} ms ` +
      `(each: p50 ${ms(connect.p50)}, p95 ${ms(connect.p95)}, max ${ms(connect.max)} ms); the database counts ${presentInDb} connected`,
  );
  console.log(
    `CPU time during the storm (user + system, not counting waits for a core): servers ${serverCpu.join(" + ")} ms ` +
      `(${serverCpuPerStream.toFixed(2)} ms per stream), PostgreSQL ${postgresCpu} ms, this bench's own client ${Math.round((benchCpu.user + benchCpu.system) / 1000)} ms`,
  );

  await sleep(IDLE_MS);
  const stormTransactions = (await databaseTransactions()) - transactionsBefore;
  console.log(
    `database: ${stormTransactions} transactions from the storm's start to ${IDLE_MS / 1000} s after it (${(stormTransactions / clients).toFixed(2)} per stream)`,
  );
  const after = await readAll(servers);
  const perInstance = servers.map((_, i) => streams.filter((s) => s.instance === i).length);

  const results: ActionResult[] = [];
  for (let n = 0; n < actions; n++) {
    const instance = n % INSTANCES;
    const eventsBefore = eventCount(streams);
    const result = await admitNext(doctor, urls[instance]!, instance, streams, DELIVERY_TIMEOUT_MS);
    results.push(result);
    const split = (same: boolean) => Math.max(0, ...result.deliveries.filter((d) => d.sameInstance === same).map((d) => d.ms));
    console.log(
      `action ${String(n + 1).padStart(2)}/${actions} via :${new URL(urls[instance]!).port}: HTTP ${ms(result.httpMs)} ms; ` +
        `${result.deliveries.length}/${result.watched} streams updated, first in ${ms(result.firstMs)} ms, all in ${ms(result.allMs)} ms ` +
        `(this instance ${ms(split(true))}, other ${ms(split(false))})` +
        (result.missing || result.wrong ? `; ${result.missing} missing, ${result.wrong} wrong` : ""),
    );
    await quiesce(streams, QUIET_MS, QUIET_TIMEOUT_MS);
    // Each stream should get exactly one event per action; more are the hub's periodic refresh.
    const extra = eventCount(streams) - eventsBefore - result.deliveries.length;
    if (extra !== 0) console.log(`  ${extra} further queue events during this action (the hub's 60-second refresh of every view)`);
  }
  const afterActions = await readAll(servers);

  for (const s of streams) s.close();
  const cleanedUp = await shutdown();
  clearTimeout(watchdog);

  const all = percentiles(results.map((r) => r.allMs));
  const deliveries = results.flatMap((r) => r.deliveries);
  const each = percentiles(deliveries.map((d) => d.ms));
  const same = percentiles(deliveries.filter((d) => d.sameInstance).map((d) => d.ms));
  const other = percentiles(deliveries.filter((d) => !d.sameInstance).map((d) => d.ms));
  const http = percentiles(results.map((r) => r.httpMs));
  const missing = results.reduce((sum, r) => sum + r.missing, 0);
  const wrong = results.reduce((sum, r) => sum + r.wrong, 0);
  // The live JS heap after a full collection is what a connection keeps; RSS after the same
  // collection adds what V8 and the allocator hold on to.
  const heapPerConn = servers.map((_, i) => (after[i]!.heapKiB - before[i]!.heapKiB) / perInstance[i]!);
  const kibPerConn = servers.map((_, i) => (after[i]!.rssKiB - before[i]!.rssKiB) / perInstance[i]!);
  const meanKibPerConn = heapPerConn.reduce((a, b) => a + b, 0) / heapPerConn.length;
  const meanRssPerConn = kibPerConn.reduce((a, b) => a + b, 0) / kibPerConn.length;

  console.log(`\nlatency over ${actions} admit-next actions, ${clients} streams on ${INSTANCES} instances (ms)`);
  console.log(table(["", "p50", "p95", "max", "samples"], [
    latencyRow("action → every stream updated", all, results.length),
    latencyRow("action → one stream updated", each, deliveries.length),
    latencyRow("  on the instance that acted", same, deliveries.filter((d) => d.sameInstance).length),
    latencyRow("  on the other (LISTEN/NOTIFY)", other, deliveries.filter((d) => !d.sameInstance).length),
    latencyRow("admit-next HTTP answer", http, results.length),
    latencyRow("connect → first queue event", connect, connectTimes.length),
  ]));
  console.log(`\nmemory (KiB), idle ${IDLE_MS / 1000} s and two full garbage collections before each reading:`);
  console.log("live JS heap, then RSS with its anonymous part in brackets");
  console.log(table(["instance", "pid", "streams", "before", "with streams", "after actions", "heap KiB/stream", "RSS KiB/stream"], servers.map((s, i) => [
    s.url,
    String(s.pid),
    String(perInstance[i]),
    memoryCell(before[i]!),
    memoryCell(after[i]!),
    memoryCell(afterActions[i]!),
    heapPerConn[i]!.toFixed(1),
    `${kibPerConn[i]!.toFixed(1)} (${((after[i]!.anonKiB - before[i]!.anonKiB) / perInstance[i]!).toFixed(1)})`,
  ])));
  for (const s of servers) console.log(`measured ${s.url}: pid ${s.pid} "${s.command}", child of ${s.parent}`);
  console.log(`streams missing an update: ${missing}; updates with the wrong content: ${wrong}`);
  console.log(`bench wall time: ${seconds(performance.now() - startedAt)} s`);
  console.log(
    [
      "RESULT name=queue",
      `clients=${clients}`,
      `instances=${INSTANCES}`,
      `actions=${actions}`,
      `all_p50_ms=${ms(all.p50)}`,
      `all_p95_ms=${ms(all.p95)}`,
      `all_max_ms=${ms(all.max)}`,
      `client_p50_ms=${ms(each.p50)}`,
      `client_p95_ms=${ms(each.p95)}`,
      `client_max_ms=${ms(each.max)}`,
      `connect_p50_ms=${ms(connect.p50)}`,
      `connect_p95_ms=${ms(connect.p95)}`,
      `connect_max_ms=${ms(connect.max)}`,
      `server_cpu_ms_per_stream=${serverCpuPerStream.toFixed(2)}`,
      `db_xacts_per_stream=${(stormTransactions / clients).toFixed(2)}`,
      `heap_kib_per_conn=${meanKibPerConn.toFixed(1)}`,
      `rss_kib_per_conn=${meanRssPerConn.toFixed(1)}`,
    ].join(" "),
  );
  return cleanedUp && missing === 0 && wrong === 0 ? 0 : 1;
}

/** Opens an event stream, reads up to its first `event`, and closes it: loads the route and what it starts. */
async function readFirstEvent(client: Client, baseUrl: string, path: string, event: string): Promise<void> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), CONNECT_TIMEOUT_MS);
  try {
    const response = await client.request(new URL(path, baseUrl).href, { headers: { accept: "text/event-stream" }, signal: abort.signal });
    if (response.status !== 200 || !response.body) throw new Error(`GET ${path} on ${baseUrl} answered ${response.status}`);
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (parser.push(decoder.decode(chunk.value, { stream: true })).some((e) => e.event === event)) return;
    }
    throw new Error(`GET ${path} on ${baseUrl} ended before a ${event} event`);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

function eventCount(streams: QueueStream[]): number {
  return streams.reduce((sum, s) => sum + s.events, 0);
}

/** Connections the app has counted into the database's presence column for the doctor's queue. */
async function connectedInDatabase(doctorId: string): Promise<number> {
  const [row] = await db().execute<{ connected: number }>(
    sql`select coalesce(sum(patient_connections), 0)::int as connected from consultations where clinician_id = ${doctorId} and status = 'waiting'`,
  );
  return row?.connected ?? 0;
}

/**
 * Transactions committed and rolled back in the bench's database so far, every statement outside
 * an explicit transaction counting as one. PostgreSQL publishes these counts within a second of
 * each backend going idle, so a reading is taken after the servers have been idle for a while.
 */
async function databaseTransactions(): Promise<number> {
  const [row] = await db().execute<{ count: number }>(
    sql`select (xact_commit + xact_rollback)::int as count from pg_stat_database where datname = current_database()`,
  );
  return row?.count ?? 0;
}

/** Saves each server's storm profile and prints where its CPU time went. */
async function writeProfiles(dir: string, profiles: { stop(): Promise<unknown> }[], servers: { url: string }[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [i, profiler] of profiles.entries()) {
    const profile = await profiler.stop();
    const file = path.resolve(dir, `storm-${new URL(servers[i]!.url).port}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile of ${servers[i]!.url} during the storm: ${file}`);
    for (const s of selfTimeBySource(profile).slice(0, 8)) console.log(`  ${ms(s.ms).padStart(6)} ms ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.source}`);
    console.log("  top functions (self time):");
    for (const f of topSelfTime(profile, 12)) console.log(`  ${ms(f.ms).padStart(6)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
  }
}

function latencyRow(label: string, l: Latency, samples: number): string[] {
  return [label, ms(l.p50), ms(l.p95), ms(l.max), String(samples)];
}

type Reading = Memory & { heapKiB: number };

/** Each server's memory after two full collections (through its inspector, see ./inspector). */
async function readAll(servers: { pid: number }[]): Promise<Reading[]> {
  const readings: Reading[] = [];
  for (const [i, server] of servers.entries()) {
    const heap = await heapAfterGc(STACK.inspectPort + i);
    readings.push({ ...memoryOf(server.pid), heapKiB: heap.usedKiB });
  }
  return readings;
}

function memoryCell(m: Reading): string {
  return `${Math.round(m.heapKiB)} · ${m.rssKiB} (${m.anonKiB})`;
}

/** Left-aligned first column, right-aligned numbers. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

function positiveInteger(name: string, fallback: number, least: number): number {
  const raw = process.env[name] ?? String(fallback);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be an integer of at least ${least}, not "${raw}"`);
  return value;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}

async function abort(reason: string): Promise<never> {
  console.error(`bench:queue failed: ${reason}`);
  await Promise.race([shutdown(), new Promise((resolve) => setTimeout(resolve, CLEANUP_BUDGET_MS))]);
  process.exit(1);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => abort(describe(error)),
);
