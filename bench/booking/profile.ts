// Where a booking's time goes: `npx tsx --experimental-websocket bench/booking/profile.ts`.
// The bench's stack with PostgreSQL's pg_stat_statements loaded and the server's V8 inspector on
// loopback; BENCH_CLIENTS (default 100) patients book free slots back to back for
// BENCH_SATURATION_SECONDS (default 10) while the server is CPU-profiled. Prints the top
// functions and modules by self and total time, every SQL statement with its calls per booking
// and time, and the CPU each process used; writes the raw profile to .data/ for DevTools.
import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { db } from "../../db";
import { dataPath } from "../../scripts/lib/paths";
import { describe, onShutdown, shutdown } from "../../scripts/lib/proc";
import { shareAppSettings, startStack } from "../join/stack";
import { byCmdline, byCwd, cpuReport, cpuSnapshot } from "./cpu";
import { book, saturationRun, SlotPool } from "./runs";
import { allOpenSlots, createDoctors, signUpPatients } from "./setup";
import { openSession } from "../queue/inspector";

const NAME = "bench-booking-profile";
const INSPECT_PORT = 9360;
const SLOT_LEAD_MS = 2 * 60 * 60_000;
const SAMPLING_US = 200;
const TOP = 25;

type CpuProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: CpuProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

async function main(): Promise<number> {
  if (typeof WebSocket === "undefined") throw new Error("run with `npx tsx --experimental-websocket bench/booking/profile.ts`");
  const clients = Number(process.env.BENCH_CLIENTS ?? 100);
  const seconds = Number(process.env.BENCH_SATURATION_SECONDS ?? 10);
  const stack = await startStack({
    name: NAME,
    appPort: 3360,
    inspectPort: INSPECT_PORT,
    livekit: { port: 7960, rtcTcpPort: 7961, udpPortStart: 52000, udpPortEnd: 52050 },
    postgres: { own: true, flags: ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all", "track_io_timing=on"] },
  });
  shareAppSettings(stack);
  onShutdown(() => db().$client.end({ timeout: 5 }));
  await db().execute(sql`create extension if not exists pg_stat_statements`);

  const patients = await signUpPatients(stack.baseUrl, clients);
  const doctors = await createDoctors(Math.ceil((seconds * 1500) / (13 * 96)));
  const byDoctor = [];
  for (const clinicianId of doctors) byDoctor.push({ clinicianId, slots: await allOpenSlots(patients[0]!.client, clinicianId, SLOT_LEAD_MS, 14) });
  const pool = new SlotPool(byDoctor);
  // Warm: the route's code loaded, the JIT and postgres.js's prepared statements in place.
  await saturationRun(patients.slice(0, 20), pool, 3);
  const warm = await book({ patient: patients[0]!, ...pool.take()! }, `bench-warm-${Date.now()}`);
  if (warm.status !== 200) throw new Error(`warm-up booking answered ${warm.status}`);

  const inspector = await openSession(INSPECT_PORT);
  await inspector.call("Profiler.enable");
  await inspector.call("Profiler.setSamplingInterval", { interval: SAMPLING_US });
  await db().execute(sql`select pg_stat_statements_reset()`);
  const groups = [byCwd("app", dataPath(NAME)), byCmdline("postgres", dataPath(`${NAME}-pg`))];
  const cpuBefore = cpuSnapshot(groups);
  await inspector.call("Profiler.start");
  const run = await saturationRun(patients, pool, seconds);
  const { profile } = (await inspector.call("Profiler.stop")) as { profile: CpuProfile };
  const cpu = cpuReport(cpuBefore, cpuSnapshot(groups), run.wallMs, run.booked);
  inspector.close();
  const statements = await db().execute<{ query: string; calls: number; total_ms: number; mean_ms: number; rows: number }>(sql`
    select query, calls::int, total_exec_time::float8 as total_ms, mean_exec_time::float8 as mean_ms, rows::int
    from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc`);

  const file = dataPath(`booking-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const bookings = run.booked;
  console.log(`\n${bookings} bookings in ${(run.wallMs / 1000).toFixed(1)} s = ${run.rps.toFixed(1)}/s (${clients} clients); statuses ${run.statuses}`);
  console.log(`CPU: ${cpu}`);
  console.log(`profile: ${file}`);
  printProfile(profile);

  const totalCalls = [...statements].reduce((sum, s) => sum + s.calls, 0);
  const totalMs = [...statements].reduce((sum, s) => sum + s.total_ms, 0);
  console.log(
    `\nSQL: ${totalCalls} statements = ${(totalCalls / bookings).toFixed(2)} per booking, ` +
      `${totalMs.toFixed(0)} ms executing = ${(totalMs / bookings).toFixed(3)} ms per booking`,
  );
  console.log("calls/booking  total ms  mean ms  statement");
  for (const s of [...statements].slice(0, TOP)) {
    console.log(
      `${(s.calls / bookings).toFixed(2).padStart(13)} ${s.total_ms.toFixed(0).padStart(9)} ${s.mean_ms.toFixed(3).padStart(8)}  ${oneLine(s.query)}`,
    );
  }
  return (await shutdown()) ? 0 : 1;
}

/** Self time by function and by module, and total (inclusive) time by function, in ms. */
function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (const [i, sample] of profile.samples.entries()) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    all += ms;
    const leaf = byId.get(sample)!;
    add(self, frameName(leaf), ms);
    add(modules, moduleOf(leaf.callFrame.url, leaf.callFrame.functionName), ms);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const name = frameName(byId.get(id)!);
      if (!seen.has(name)) {
        seen.add(name);
        add(total, name, ms);
      }
    }
  }
  const table = (title: string, map: Map<string, number>) => {
    console.log(`\n${title} (of ${all.toFixed(0)} ms sampled)`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      console.log(`${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${name}`);
    }
  };
  table("self time by module", modules);
  table("self time by function", self);
  table("total time by function", total);
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function frameName(node: CpuProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || "(anonymous)"} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ""}`;
}

function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return url.split("/")[0]!;
  return shortUrl(url);
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, "").replace(/^.*?\/\.data\/[^/]+\//, "").replace(/^.*\/node_modules\//, "");
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}


main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(`profile failed: ${describe(error)}`);
    await shutdown();
    process.exit(1);
  },
);
