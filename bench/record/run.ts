// `npm run bench:record`: one patient with five years of history (BENCH_ENCOUNTERS, default
// 200 encounters) on the production server and real PostgreSQL; the demo doctor, in a call with
// the patient now, opens the record page (the whole server-rendered timeline) and exports
// `$everything` as FHIR, BENCH_RUNS times each (default 50) one after another after a warm-up.
// Also the timeline read alone (lib/records/read-timeline.ts) in this process. Prints p50/p95
// per request and the last line `RESULT name=record ...`.
import { db } from "../../db";
import { onShutdown, shutdown } from "../../scripts/lib/proc";
import { Client, signInWithPassword } from "../booking/http";
import { percentiles } from "../booking/stats";
import { DOCTOR } from "../join/doctor";
import { shareAppSettings, startStack } from "../join/stack";
import { ms } from "../join/stats";
import { DEMO_PASSWORD } from "../../db/seed";
import { seedHistory } from "./history";

const STACK = {
  name: "bench-record",
  appPort: 3400,
  livekit: { port: 7920, rtcTcpPort: 7921, udpPortStart: 50700, udpPortEnd: 50800 },
};
const WARM_UP = 5;

async function timed(runs: number, once: () => Promise<number>): Promise<{ p50: number; p95: number; max: number; bytes: number }> {
  for (let i = 0; i < WARM_UP; i++) await once();
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const startedAt = performance.now();
    bytes = await once();
    samples.push(performance.now() - startedAt);
  }
  return { ...percentiles(samples), bytes };
}

async function main(): Promise<number> {
  const encounters = Number(process.env.BENCH_ENCOUNTERS ?? 200);
  const runs = Number(process.env.BENCH_RUNS ?? 50);
  const stack = await startStack(STACK);
  shareAppSettings(stack);
  onShutdown(() => db().$client.end({ timeout: 5 }));

  const client = new Client(stack.baseUrl);
  const doctorId = await signInWithPassword(client, DOCTOR.email, DEMO_PASSWORD);
  const seededAt = performance.now();
  const history = await seedHistory(doctorId, encounters);
  console.log(`seeded ${history.encounters} encounters (${history.rows} rows) in ${ms(performance.now() - seededAt)} ms`);

  const get = (path: string, type: string) => async () => {
    const response = await client.request(path);
    const body = await response.text();
    if (response.status !== 200 || !(response.headers.get("content-type") ?? "").includes(type)) {
      throw new Error(`GET ${path} answered ${response.status} ${response.headers.get("content-type")}: ${body.slice(0, 200)}`);
    }
    return body.length;
  };
  const page = await timed(runs, get(`/patients/${history.patientId}`, "text/html"));
  const fhir = await timed(runs, get(`/api/fhir/Patient/${history.patientId}/$everything`, "application/fhir+json"));

  const { readTimeline } = await import("../../lib/records/read-timeline");
  const doctor = { id: doctorId, role: "doctor" as const, name: DOCTOR.name };
  const lib = await timed(runs, async () => (await readTimeline(doctor, history.patientId)).entries.length);

  const line = (name: string, r: { p50: number; p95: number; max: number; bytes: number }, unit: string) =>
    console.log(`${name.padEnd(28)} p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  max ${ms(r.max)} ms  (${r.bytes} ${unit})`);
  line("record page (HTML)", page, "bytes");
  line("FHIR $everything", fhir, "bytes");
  line("timeline read (in process)", lib, "entries");
  console.log(
    `RESULT name=record encounters=${encounters} rows=${history.rows} runs=${runs} page_p50_ms=${ms(page.p50)} page_p95_ms=${ms(page.p95)} ` +
      `fhir_p50_ms=${ms(fhir.p50)} fhir_p95_ms=${ms(fhir.p95)} fhir_kb=${(fhir.bytes / 1024).toFixed(1)} timeline_p95_ms=${ms(lib.p95)}`,
  );
  return 0;
}

main()
  .then(async (code) => {
    await shutdown();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await shutdown();
    process.exit(1);
  });
