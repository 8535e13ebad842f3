// `npm run bench:district`: the district dashboard (lib/reports/dashboard.ts) over a
// province-sized year (bench/district/seed.sql: 36 districts, 3,000 facilities, 2,000,000
// encounters), on real PostgreSQL. The seed is built once into the database
// `rabta_bench_district` and kept (BENCH_RESEED=1 builds it again). Each query shape runs
// BENCH_RUNS times (default 20) after a warm-up; prints p50/p95, what the process's memory did,
// and PostgreSQL's temporary-file bytes, and the last line `RESULT name=district ...`.
// BENCH_JSON=file writes every shape's rows and three facilities' DHIS2 figures, to compare the
// answers of two versions on the same seed.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { migrateDatabase } from "../../db/migrate";
import { DEV_LIVEKIT_KEY, DEV_LIVEKIT_SECRET } from "../../scripts/lib/livekit";
import { createDatabase, dropDatabase, ensurePostgres } from "../../scripts/lib/postgres";
import { percentiles } from "../booking/stats";
import { ms } from "../join/stats";

const DATABASE = "rabta_bench_district";
const ENCOUNTERS = 2_000_000;
const WARM_UP = 2;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function seeded(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: string }[]>`select count(*) as n from encounters`;
    return Number(row?.n) === ENCOUNTERS;
  } catch {
    return false;
  } finally {
    await sql.end();
  }
}

async function main(): Promise<number> {
  const runs = Number(process.env.BENCH_RUNS ?? 20);
  const server = await ensurePostgres();
  const ownerUrl = server.serverUrl(DATABASE);
  if (process.env.BENCH_RESEED === "1" || !(await seeded(ownerUrl))) {
    await dropDatabase(server.serverUrl, DATABASE);
    await createDatabase(server.serverUrl, DATABASE);
    await migrateDatabase(ownerUrl);
    const startedAt = performance.now();
    const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    await sql.unsafe(readFileSync(path.join(import.meta.dirname, "seed.sql"), "utf8"));
    await sql.end();
    console.log(`seeded ${ENCOUNTERS.toLocaleString("en")} encounters in ${(performance.now() - startedAt) / 1000} s`);
  } else {
    console.log(`reusing the seeded database ${DATABASE} (BENCH_RESEED=1 to build it again)`);
    // Migrations added since the seed was built run over its rows, as they would in production.
    const startedAt = performance.now();
    await migrateDatabase(ownerUrl);
    console.log(`migrations up to date in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  }
  {
    // The staff side (rosters, leave) for the operations figures, once, also on a seed built before it.
    const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    if ((await sql`select count(*)::int as n from staff_rosters`)[0]!.n === 0) {
      const startedAt = performance.now();
      await sql.unsafe(readFileSync(path.join(import.meta.dirname, "seed-staff.sql"), "utf8"));
      console.log(`seeded the staff rosters and leave in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    }
    await sql.end();
  }
  process.env.DATABASE_URL = server.appUrl(DATABASE);
  // The lib reads its settings when it loads; these are the local demo's (nothing is sent anywhere).
  process.env.AUTH_SECRET ??= "dev-only-auth-secret-".padEnd(40, "x");
  process.env.LIVEKIT_URL ??= "ws://127.0.0.1:7880";
  process.env.LIVEKIT_API_KEY ??= DEV_LIVEKIT_KEY;
  process.env.LIVEKIT_API_SECRET ??= DEV_LIVEKIT_SECRET;
  process.env.SMS_PROVIDER ??= "dev";
  process.env.RABTA_DEMO ??= "1";
  const { db } = await import("../../db");
  const { districtDashboard } = await import("../../lib/reports/dashboard");
  const { districtOperations } = await import("../../lib/reports/operations");
  const { facilityFigures } = await import("../../lib/dhis2-export/figures");
  const { judgeClosedDays } = await import("../../lib/attendance/judge-closed-days");
  // The operations figures are judged as of the morning after the year. A running system keeps
  // the judgement of every closed day (the attendance job); on a seed without them, this first
  // judging is the backfill a deployment does once, and its time is printed.
  const judgedAt = new Date("2026-12-01T04:00:00Z");
  {
    const startedAt = performance.now();
    const { days } = await judgeClosedDays(judgedAt, 60 * 60_000);
    if (days.length > 0) console.log(`attendance: judged ${days.length} closed days (${days[0]} to ${days.at(-1)}) in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  }
  const probe = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  const [size] = await probe<{ bytes: string }[]>`select pg_database_size(current_database()) as bytes`;
  console.log(`database size ${mb(Number(size!.bytes))} MB; work_mem ${(await probe`show work_mem`)[0]!.work_mem}`);

  const province = { id: "c5a1ad6e-0000-0000-0000-000000000000", role: "admin" as const, name: "Bench province" };
  const ids = await probe<{ id: string; district_id: string | null }[]>`select user_id as id, district_id from admin_scopes order by district_id nulls first`;
  province.id = ids[0]!.id;
  const district = { id: ids[1]!.id, role: "admin" as const, name: "Bench district office" };
  const [oneFacility] = await probe<{ id: string }[]>`select id from facilities where district_id = ${ids[1]!.district_id} and kind = 'spoke' limit 1`;
  const november = { from: new Date("2026-10-31T19:00:00Z"), to: new Date("2026-11-30T19:00:00Z") };
  const year = { from: new Date("2025-11-30T19:00:00Z"), to: new Date("2026-11-30T19:00:00Z") };
  const shapes = [
    { name: "province by district, a month", actor: province, query: { ...november, groupBy: "district" as const } },
    { name: "province by district, the year", actor: province, query: { ...year, groupBy: "district" as const } },
    { name: "district by facility, a month", actor: district, query: { ...november, groupBy: "facility" as const } },
    { name: "district by clinician, a month", actor: district, query: { ...november, groupBy: "clinician" as const } },
    { name: "one facility, the year", actor: district, query: { ...year, groupBy: "clinician" as const, facilityId: oneFacility!.id } },
  ];

  const tempBytes = async () => Number((await probe<{ b: string }[]>`select temp_bytes as b from pg_stat_database where datname = current_database()`)[0]!.b);
  const results: { name: string; p50: number; p95: number; rows: number; consultations: number }[] = [];
  const answers: Record<string, unknown> = {};
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const tempBefore = await tempBytes();
  /** Runs `query` WARM_UP then `runs` times, and prints and keeps its p50/p95 as `name`. */
  const measure = async (name: string, what: string, query: () => Promise<{ rows: number; consultations: number; answer: unknown }>) => {
    for (let i = 0; i < WARM_UP; i++) await query();
    const samples: number[] = [];
    let last = { rows: 0, consultations: 0, answer: null as unknown };
    for (let i = 0; i < runs; i++) {
      const startedAt = performance.now();
      last = await query();
      samples.push(performance.now() - startedAt);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }
    answers[name] = last.answer;
    const { p50, p95 } = percentiles(samples);
    results.push({ name, p50, p95, rows: last.rows, consultations: last.consultations });
    console.log(`${name.padEnd(34)} p50 ${ms(p50)} ms  p95 ${ms(p95)} ms  (${last.rows} rows, ${last.consultations.toLocaleString("en")} ${what})`);
  };
  for (const shape of shapes) {
    await measure(shape.name, "consultations", async () => {
      const result = await districtDashboard(shape.actor, shape.query);
      return { rows: result.length - 1, consultations: result.at(-1)!.consultations, answer: result };
    });
  }
  // The operations table beside it (attendance over every rostered staff-day, stock, complaints,
  // emergencies).
  const days = (period: { from: Date }) => (period.from.getTime() === november.from.getTime() ? { fromText: "2026-11-01", toText: "2026-11-30" } : { fromText: "2025-12-01", toText: "2026-11-30" });
  for (const shape of shapes) {
    await measure(`operations: ${shape.name}`, "staff-days counted", async () => {
      const result = await districtOperations(shape.actor, { ...shape.query, ...days(shape.query) }, judgedAt);
      return { rows: result.length - 1, consultations: result.at(-1)!.attendance.counted, answer: result };
    });
  }
  // A period that is not whole months: its ragged ends are read day by day, not from the month sums.
  await measure("operations: province, 15 Nov to 20 Nov", "staff-days counted", async () => {
    const ragged = { from: new Date("2025-11-14T19:00:00Z"), to: new Date("2026-11-20T19:00:00Z"), fromText: "2025-11-15", toText: "2026-11-20" };
    const result = await districtOperations(province, { ...ragged, groupBy: "district" }, judgedAt);
    return { rows: result.length - 1, consultations: result.at(-1)!.attendance.counted, answer: result };
  });
  const tempUsed = (await tempBytes()) - tempBefore;
  const someFacilities = await probe<{ id: string }[]>`select id from facilities order by name limit 3`;
  for (const facility of someFacilities) {
    answers[`dhis2 ${facility.id} 202611`] = await facilityFigures(db(), facility.id, { kind: "monthly", id: "202611", start: november.from, end: november.to });
  }
  console.log(`process memory: rss ${mb(rssBefore)} MB before, ${mb(rssPeak)} MB at most (+${mb(rssPeak - rssBefore)} MB); PostgreSQL temporary files ${mb(tempUsed)} MB over all runs`);
  // BENCH_JSON=file keeps every shape's answer, to compare the figures before and after a change.
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(answers, null, 1)}\n`);
  const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  console.log(
    `RESULT name=district encounters=${ENCOUNTERS} runs=${runs} ` +
      results.map((r, i) => `q${i + 1}_p95_ms=${ms(r.p95)}`).join(" ") +
      ` worst_p95_ms=${ms(worst.p95)} rss_delta_mb=${mb(rssPeak - rssBefore)} pg_temp_mb=${mb(tempUsed)}`,
  );
  await probe.end();
  await db().$client.end();
  await server.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
