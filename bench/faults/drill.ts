// What both fault drills share: a time budget, cleanup on any way out, and reading what the
// app wrote to its log while the fault lasted.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { describe, shutdown } from "../../scripts/lib/proc";

// A hung cleanup must not keep the drill alive.
const CLEANUP_BUDGET_MS = 60_000;

/**
 * Runs a drill's `main` (which returns the exit code) within `budgetMs`; a failure or an
 * overrun stops everything the drill started and exits 1.
 */
export function runDrill(name: string, budgetMs: number, main: () => Promise<number>): void {
  const abort = async (reason: string): Promise<never> => {
    console.error(`${name} failed: ${reason}`);
    await Promise.race([shutdown(), sleep(CLEANUP_BUDGET_MS)]);
    process.exit(1);
  };
  const watchdog = setTimeout(() => void abort(`the drill took longer than ${budgetMs / 60_000} minutes`), budgetMs);
  main().then(
    (code) => {
      clearTimeout(watchdog);
      process.exit(code);
    },
    (error: unknown) => abort(describe(error)),
  );
}

/** The size of a log file now, to read only what is written after this moment. */
export function logOffset(file: string | undefined): number {
  if (!file) return 0;
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** What was appended to `file` since `offset`. */
export function logSince(file: string | undefined, offset: number): string {
  if (!file) return "";
  const size = logOffset(file);
  if (size <= offset) return "";
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}

/** One report of an unhandled rejection or uncaught exception: its first line and what follows. */
export type Report = { line: string; block: string };

/**
 * Where Node or Next.js report a promise rejection nobody handled or an exception that escaped
 * (either is a crash in waiting: Node's default is to exit on the first), each with the stack
 * and fields printed under it (indented lines, up to the next unindented one).
 */
export function unhandledReports(log: string): Report[] {
  const lines = log.split("\n");
  const reports: Report[] = [];
  for (const [i, line] of lines.entries()) {
    if (!/unhandled ?rejection|uncaught ?exception/i.test(line)) continue;
    let end = i + 1;
    while (end < lines.length && /^(\s|\})/.test(lines[end]!)) end++;
    reports.push({ line, block: lines.slice(i, end).join("\n") });
  }
  return reports;
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));
}

export function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}

export function positiveInteger(name: string, fallback: number, least: number): number {
  const raw = process.env[name] ?? String(fallback);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be an integer of at least ${least}, not "${raw}"`);
  return value;
}
