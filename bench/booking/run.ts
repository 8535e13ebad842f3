// `npm run bench:booking`: BENCH_CLIENTS (default 200) signed-in patients booking through the
// production server (`next start`) and real PostgreSQL, in these runs:
//   distinct   — each client books its own free slot, all at once: bookings/s and latency;
//   saturation — the same clients book free slots back to back for BENCH_SATURATION_SECONDS
//                (default 10): the sustained bookings/s (closed loop, so latency is queueing);
//   open loop  — bookings arrive at BENCH_RATE per second (default 50; a comma list runs each)
//                for BENCH_OPEN_SECONDS (default 20) whatever the answers do, latency from each
//                scheduled arrival: p50/p95/p99 at a steady load below saturation;
//   contention — every client books the same slot: exactly one 200, the rest 409;
//   retry      — one client sends one booking 20 times at once under one Idempotency-Key: one
//                appointment, returned every time.
// Then no clinician may hold two overlapping live appointments. BENCH_INSTANCES=N (default 1)
// runs N `next start` instances on the one database behind nginx (bench/faults/nginx.ts), as a
// deployment scales out. Starts and stops its own stack; the last line printed is the
// machine-readable `RESULT name=booking ...`.
import { db } from "../../db";
import { dataPath } from "../../scripts/lib/paths";
import { onShutdown, describe, shutdown } from "../../scripts/lib/proc";
import { findNginx, startNginx } from "../faults/nginx";
import { shareAppSettings, startStack } from "../join/stack";
import { ms } from "../join/stats";
import { byCmdline, byCwd, cpuReport, cpuSnapshot, type ProcessGroup } from "./cpu";
import { book, contentionRun, countDoubleBookings, distinctRun, openLoopRun, retryRun, saturationRun, SlotPool, type Booking, type LoadReport } from "./runs";
import { allOpenSlots, createDoctors, openSlots, signUpPatients } from "./setup";

const STACK = {
  name: "bench-booking",
  appPort: 3300,
  livekit: { port: 7910, rtcTcpPort: 7911, udpPortStart: 50600, udpPortEnd: 50700 },
};
const NGINX_PORT = 3390;
// Clients in the distinct run share a doctor ten at a time, so that bookings meet on the same
// clinician's rows and index entries as they would in a clinic, without contending for a slot.
const CLIENTS_PER_DOCTOR = 10;
const RETRIES = 20;
// Slots that start this far ahead stay in the future however slowly the bench runs.
const SLOT_LEAD_MS = 2 * 60 * 60_000;
// The saturation run's slots: enough for this many bookings a second, from doctors with two
// weeks of 15-minute slots each (the slots endpoint's longest range).
const SATURATION_SLOTS_PER_SECOND = 1500;
const POOL_DAYS = 14;
const SLOTS_PER_POOL_DOCTOR = (POOL_DAYS - 1) * 96;
// Room for a cold `next build` on a busy machine and for signing in every client.
const BUDGET_MS = 25 * 60_000;
// A hung cleanup must not keep the bench alive.
const CLEANUP_BUDGET_MS = 60_000;

async function main(): Promise<number> {
  const startedAt = performance.now();
  const clients = intSetting("BENCH_CLIENTS", 200, 2);
  const instances = intSetting("BENCH_INSTANCES", 1, 1);
  const saturationSeconds = intSetting("BENCH_SATURATION_SECONDS", 10, 0);
  const openSeconds = intSetting("BENCH_OPEN_SECONDS", 20, 0);
  const rates = (process.env.BENCH_RATE ?? "50").split(",").map((rate) => Number(rate));
  if (rates.some((rate) => !(rate > 0))) throw new Error(`BENCH_RATE must be positive numbers, not "${process.env.BENCH_RATE}"`);
  const watchdog = setTimeout(() => void abort(`the bench took longer than ${BUDGET_MS / 60_000} minutes`), BUDGET_MS);

  const stack = await startStack({ ...STACK, instances });
  shareAppSettings(stack);
  onShutdown(() => db().$client.end({ timeout: 5 }));
  const groups: ProcessGroup[] = [byCwd(instances === 1 ? "app" : `app×${instances}`, dataPath(STACK.name))];
  if (stack.postgres.embedded) groups.push(byCmdline("postgres", dataPath(`${STACK.name}-pg`)));
  let baseUrl = stack.baseUrl;
  if (instances > 1) {
    const nginx = findNginx();
    if (!nginx) return 1;
    const upstreams = stack.baseUrls.map((url) => new URL(url).host);
    // Connections to the instances are kept open, as a proxy in production would (nothing is killed here).
    const proxy = await startNginx(nginx, STACK.name, NGINX_PORT, upstreams, { keepalive: 64 });
    onShutdown(() => proxy.service.stop());
    groups.push(byCmdline("nginx", proxy.configFile));
    baseUrl = proxy.url;
  }

  const setupStartedAt = performance.now();
  const patients = await signUpPatients(baseUrl, clients);
  const doctorCount = Math.ceil(clients / CLIENTS_PER_DOCTOR);
  const openTotal = rates.reduce((sum, rate) => sum + Math.round(rate * openSeconds), 0);
  const poolDoctors = Math.ceil((saturationSeconds * SATURATION_SLOTS_PER_SECOND + openTotal) / SLOTS_PER_POOL_DOCTOR);
  // One doctor more, whose slots the contention and retry runs (and the warm-up) use.
  const doctors = await createDoctors(doctorCount + 1 + poolDoctors);
  const reader = patients[0]!.client;
  const distinct: Booking[] = [];
  for (const [d, clinicianId] of doctors.slice(0, doctorCount).entries()) {
    const slots = await openSlots(reader, clinicianId, CLIENTS_PER_DOCTOR, SLOT_LEAD_MS);
    for (const [s, slot] of slots.entries()) {
      const patient = patients[d * CLIENTS_PER_DOCTOR + s];
      if (patient) distinct.push({ patient, clinicianId, slot });
    }
  }
  const shared = doctors[doctorCount]!;
  const [contended, retried, warmUp] = await openSlots(reader, shared, 3, SLOT_LEAD_MS);
  const byDoctor = [];
  for (const clinicianId of doctors.slice(doctorCount + 1)) {
    byDoctor.push({ clinicianId, slots: await allOpenSlots(reader, clinicianId, SLOT_LEAD_MS, POOL_DAYS) });
  }
  const pool = new SlotPool(byDoctor);
  console.log(
    `setup: ${clients} patients signed in and registered, ${doctors.length} doctors (${pool.left} slots for the load runs), ` +
      `${instances} instance(s), in ${seconds(performance.now() - setupStartedAt)} s`,
  );

  // The server loads a route's code on its first request; one booking off the clock pays for that
  // (one per instance: nginx takes turns).
  const warmUps: Booking[] = [{ patient: patients[0]!, clinicianId: shared, slot: warmUp! }];
  for (let i = 1; i < instances; i++) warmUps.push({ patient: patients[0]!, ...pool.take()! });
  for (const [i, booking] of warmUps.entries()) {
    const warm = await book(booking, `bench-warm-up-${i}-${Date.now()}`);
    if (warm.status !== 200) throw new Error(`the warm-up booking answered ${warm.status}: ${JSON.stringify(warm.body)}`);
  }

  const timed = async <T extends LoadReport>(run: () => Promise<T>): Promise<{ result: T; cpu: string }> => {
    const before = cpuSnapshot(groups);
    const at = performance.now();
    const result = await run();
    return { result, cpu: cpuReport(before, cpuSnapshot(groups), performance.now() - at, result.booked) };
  };

  const d = await distinctRun(distinct);
  console.log(
    `distinct: ${d.booked}/${clients} booked in ${ms(d.wallMs)} ms = ${d.rps.toFixed(1)} bookings/s; ` +
      `p50 ${ms(d.latency.p50)} ms, p95 ${ms(d.latency.p95)} ms, max ${ms(d.latency.max)} ms; statuses ${d.statuses}`,
  );
  let saturation: LoadReport | null = null;
  if (saturationSeconds > 0) {
    const { result: s, cpu } = await timed(() => saturationRun(patients, pool, saturationSeconds));
    saturation = s;
    console.log(
      `saturation: ${clients} clients back to back for ${saturationSeconds} s: ${s.booked} booked = ${s.rps.toFixed(1)} bookings/s; ` +
        `p50 ${ms(s.latency.p50)} ms, p95 ${ms(s.latency.p95)} ms, p99 ${ms(s.latency.p99)} ms; statuses ${s.statuses}`,
    );
    console.log(`saturation: CPU: ${cpu}`);
  }
  const open: (LoadReport & { rate: number; lateMs: number })[] = [];
  for (const rate of openSeconds > 0 ? rates : []) {
    const { result: o, cpu } = await timed(() => openLoopRun(patients, pool, rate, openSeconds));
    open.push({ ...o, rate });
    console.log(
      `open loop: ${rate}/s for ${openSeconds} s: ${o.booked}/${o.sent} booked, achieved ${o.rps.toFixed(1)} bookings/s; ` +
        `from scheduled arrival p50 ${ms(o.latency.p50)} ms, p95 ${ms(o.latency.p95)} ms, p99 ${ms(o.latency.p99)} ms, ` +
        `max ${ms(o.latency.max)} ms; errors ${o.errors} (${o.timeouts} timed out after 10 s); bench sent at most ${ms(o.lateMs)} ms late`,
    );
    console.log(`open loop: CPU: ${cpu}`);
  }
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
  const firstOpen = open[0];
  console.log(
    [
      "RESULT name=booking",
      `clients=${clients}`,
      `instances=${instances}`,
      `rps=${d.rps.toFixed(1)}`,
      `p50_ms=${ms(d.latency.p50)}`,
      `p95_ms=${ms(d.latency.p95)}`,
      `max_ms=${ms(d.latency.max)}`,
      `distinct_ok=${flag(d.ok)}`,
      ...(saturation ? [`sat_rps=${saturation.rps.toFixed(1)}`, `sat_p95_ms=${ms(saturation.latency.p95)}`, `sat_ok=${flag(saturation.ok)}`] : []),
      ...(firstOpen
        ? [
            `open_rate=${firstOpen.rate}`,
            `open_achieved=${firstOpen.rps.toFixed(1)}`,
            `open_p50_ms=${ms(firstOpen.latency.p50)}`,
            `open_p95_ms=${ms(firstOpen.latency.p95)}`,
            `open_p99_ms=${ms(firstOpen.latency.p99)}`,
            `open_errors=${firstOpen.errors}`,
            `open_timeouts=${firstOpen.timeouts}`,
          ]
        : []),
      `contention_ok=${flag(c.ok)}`,
      `contention_p95_ms=${ms(c.latency.p95)}`,
      `retry_ok=${flag(r.ok)}`,
      `double_bookings=${doubleBookings}`,
    ].join(" "),
  );
  const loadsOk = (saturation?.ok ?? true) && open.every((o) => o.ok);
  return cleanedUp && d.ok && loadsOk && c.ok && r.ok && doubleBookings === 0 ? 0 : 1;
}

function intSetting(name: string, fallback: number, min: number): number {
  const raw = process.env[name] ?? String(fallback);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, not "${raw}"`);
  return value;
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
