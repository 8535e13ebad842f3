// `npm run bench:call`: what Rabta's call page adds to a bare livekit-client page on the same
// LiveKit server, and what each call mode costs in data. Starts and stops its own stack
// (bench/join/stack.ts: embedded PostgreSQL, livekit-server, `next build` + `next start`).
//   (a) join: click on Join → first decoded frame on a visible remote <video> (on screen, ≥ 100×100)
//   (b) first audio: click on Join → first inbound audio RTP bytes (getStats)
// BENCH_RUNS runs each (default 10), Rabta and bare interleaved (alternating which goes first);
// median and p95 of each, and the ratio Rabta / bare (the goal: ≤ 1.2×). In both, the far
// side (the doctor; a bare publisher page) joins a fresh room just before the patient's side, and
// both pages use the call's room options (app/consult/[consultationId]/call/room-options.ts).
//   (c) bytes a minute on the patient's side in video, low video and audio-only, each measured
// over BENCH_MODE_SECONDS (default 25) from RTP stats, against lib/consult/call-encodings.ts.
// Figures only: nothing here passes or fails on a time.
import postgres from "postgres";
import { estimateDataUsePerMinute, type CallMode } from "../../lib/consult/call-encodings";
import { onShutdown, shutdown } from "../../scripts/lib/proc";
import { positiveInteger, runDrill } from "../faults/drill";
import { launchBrowser } from "../join/browser";
import { DoctorDesk } from "../join/doctor";
import { startStack, type StackOptions } from "../join/stack";
import { startBareServer } from "./bare-server";
import { applyLowVideo, byteCounts, type ByteCounts } from "./measure";
import { closeConsult, joinBare, joinRabta, openConsult, type RabtaDeps, type Sample } from "./runs";

const CALL_STACK: StackOptions = {
  name: "bench-call",
  appPort: 3600,
  livekit: { port: 8300, rtcTcpPort: 8301, udpPortStart: 51400, udpPortEnd: 51499 },
};
const BARE_PORT = 3690;
const SETTLE_MS = 6_000;

const RUNS = positiveInteger("BENCH_RUNS", 10, 1);

async function main(): Promise<number> {
  const runs = RUNS;
  const modeSeconds = positiveInteger("BENCH_MODE_SECONDS", 25, 1);

  const stack = await startStack(CALL_STACK);
  const browser = await launchBrowser();
  onShutdown(() => browser.close());
  const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
  onShutdown(() => sql.end());
  const doctor = await DoctorDesk.open(browser, stack.baseUrl, stack.livekit);
  const deps: RabtaDeps = { browser, baseUrl: stack.baseUrl, doctor, sql };

  const bare = await startBareServer(BARE_PORT, stack.livekit);

  const rabta: Sample[] = [];
  const plain: Sample[] = [];
  for (let run = 1; run <= runs; run++) {
    const doRabta = async () => {
      const consult = await openConsult(`${run}`, deps);
      const sample = await joinRabta(consult);
      rabta.push(sample);
      console.log(`run ${run}/${runs} rabta: frame ${ms(sample.frameMs)} ms, audio ${ms(sample.audioMs)} ms`);
      await closeConsult(consult, deps);
    };
    const doBare = async () => {
      const sample = await joinBare(browser, bare.url, stack.livekit, run);
      plain.push(sample);
      console.log(`run ${run}/${runs} bare:  frame ${ms(sample.frameMs)} ms, audio ${ms(sample.audioMs)} ms`);
    };
    const order = run % 2 === 1 ? [doRabta, doBare] : [doBare, doRabta];
    for (const step of order) await step();
  }

  console.log(`\nbench:call, ${runs} runs each (ms from the click on Join)`);
  console.log(row("", "rabta median", "rabta p95", "bare median", "bare p95", "ratio (median)", "ratio (p95)"));
  for (const [label, pick] of [
    ["first frame on screen", (s: Sample) => s.frameMs],
    ["first audio bytes", (s: Sample) => s.audioMs],
  ] as const) {
    const r = rabta.map(pick);
    const b = plain.map(pick);
    console.log(row(label, ms(median(r)), ms(p95(r)), ms(median(b)), ms(p95(b)), `${(median(r) / median(b)).toFixed(2)}×`, `${(p95(r) / p95(b)).toFixed(2)}×`));
  }
  console.log(`RESULT name=call_join runs=${runs} rabta_median_ms=${ms(median(rabta.map((s) => s.frameMs)))} bare_median_ms=${ms(median(plain.map((s) => s.frameMs)))}`);

  // (c) one more consultation, held through the three modes.
  const consult = await openConsult("modes", deps);
  await joinRabta(consult);
  const results: Array<{ mode: CallMode; perMinute: ByteCounts; seconds: number }> = [];
  const measure = async (mode: CallMode) => {
    await consult.page.waitForTimeout(SETTLE_MS);
    const before = await byteCounts(consult.page);
    const t0 = performance.now();
    await consult.page.waitForTimeout(modeSeconds * 1000);
    const after = await byteCounts(consult.page);
    const seconds = (performance.now() - t0) / 1000;
    const perMinute = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, ((v - before[k as keyof ByteCounts]) * 60) / seconds])) as ByteCounts;
    const shown = await consult.page.getByTestId("call-stage").getAttribute("data-call-mode");
    console.log(`mode ${mode}: measured over ${seconds.toFixed(1)} s (call-stage data-call-mode=${shown})`);
    results.push({ mode, perMinute, seconds });
  };
  await measure("video");
  await applyLowVideo(consult.page);
  await measure("low_video");
  await consult.page.getByRole("button", { name: "Data saver" }).click();
  await consult.page.getByTestId("call-stage").and(consult.page.locator('[data-call-mode="audio_only"]')).waitFor();
  await measure("audio_only");
  await closeConsult(consult, deps);

  const estimate = estimateDataUsePerMinute();
  const mb = (bytes: number) => (bytes / 1e6).toFixed(3);
  console.log(`\nbytes a minute on the patient's side, MB (10^6 bytes); RTP = payload + RTP headers; transport = all UDP payload (RTP, RTCP, DTLS, STUN)`);
  console.log(row("mode", "in video", "in audio", "in RTP", "in transport", "out RTP", "in+out transport", "estimate in+out", "estimate in"));
  for (const { mode, perMinute: p } of results) {
    console.log(
      row(mode, mb(p.inVideo), mb(p.inAudio), mb(p.inVideo + p.inAudio), mb(p.transportIn), mb(p.outVideo + p.outAudio), mb(p.transportIn + p.transportOut), mb(estimate[mode]), mb(estimate[mode] / 2)),
    );
  }
  const audioOnly = results.find((r) => r.mode === "audio_only")!.perMinute;
  console.log(`audio-only received: ${mb(audioOnly.transportIn)} MB/min on the transport (goal ≤ 0.5 MB/min); sent and received: ${mb(audioOnly.transportIn + audioOnly.transportOut)} MB/min`);

  const cleanedUp = await shutdown();
  return cleanedUp ? 0 : 1;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank p95: with 10 samples, the largest. */
function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
}

const ms = (value: number) => value.toFixed(0);
const row = (...cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(22) : c.padStart(i === 0 ? 0 : 14))).join(" ");

runDrill("bench:call", 15 * 60_000 + RUNS * 4 * 60_000, main);
