// `npm run bench:join`: time from the patient's click on Join to the first decoded frame of the
// doctor's video on a visible <video> (on a 360x740 phone screen, at least half its width and a
// third of its height), over BENCH_RUNS fresh patients (default 5). Starts and stops its own stack.
// The last line printed is the machine-readable `RESULT name=join ...`.
import postgres from "postgres";
import { describe, onShutdown, shutdown } from "../../scripts/lib/proc";
import { launchBrowser } from "./browser";
import { DoctorDesk } from "./doctor";
import { joinRun } from "./join-run";
import { ms, resultLine, summarize } from "./stats";
import { startStack } from "./stack";

const RUN_TIMEOUT_MS = 120_000;
// Room for a cold `next build` on a busy machine, then every run at its worst.
const SETUP_BUDGET_MS = 15 * 60_000;
// A hung cleanup (a browser that will not close) must not keep the bench alive.
const CLEANUP_BUDGET_MS = 60_000;

async function main(): Promise<number> {
  const startedAt = performance.now();
  const runs = runCount();
  const watchdog = setTimeout(() => void abort("the bench took too long"), SETUP_BUDGET_MS + runs * RUN_TIMEOUT_MS);

  const stack = await startStack();
  const browser = await launchBrowser();
  onShutdown(() => browser.close());
  const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
  onShutdown(() => sql.end());
  const doctor = await DoctorDesk.open(browser, stack.baseUrl, stack.livekit);

  const samples: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const sample = await withTimeout(joinRun(run, { browser, baseUrl: stack.baseUrl, doctor, sql }), RUN_TIMEOUT_MS, `run ${run}`);
    samples.push(sample);
    console.log(`run ${run}/${runs}: ${ms(sample)} ms from Join to the doctor's first frame on screen`);
  }

  const cleanedUp = await shutdown();
  clearTimeout(watchdog);
  const summary = summarize(samples);
  console.log(`\njoin: median ${ms(summary.median)} ms, min ${ms(summary.min)} ms, max ${ms(summary.max)} ms over ${runs} runs`);
  console.log(`bench wall time: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  console.log(resultLine("join", summary));
  return cleanedUp ? 0 : 1;
}

function runCount(): number {
  const raw = process.env.BENCH_RUNS ?? "5";
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a positive integer, not "${raw}"`);
  return runs;
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function abort(reason: string): Promise<never> {
  console.error(`bench:join failed: ${reason}`);
  await Promise.race([shutdown(), new Promise((resolve) => setTimeout(resolve, CLEANUP_BUDGET_MS))]);
  process.exit(1);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => abort(describe(error)),
);
