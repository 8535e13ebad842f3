import type { Outcome } from "./http";

export type Latency = { p50: number; p95: number; max: number };

/** Nearest-rank percentiles of the request times, whatever their status. */
export function latency(outcomes: Outcome[]): Latency {
  if (outcomes.length === 0) throw new Error("no requests to summarize");
  return percentiles(outcomes.map((o) => o.ms));
}

/** Nearest-rank p50, p95 and max of any samples (milliseconds). */
export function percentiles(samples: number[]): Latency {
  if (samples.length === 0) throw new Error("no samples to summarize");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: rank(50), p95: rank(95), max: sorted.at(-1)! };
}

/** `200×199 409×1`, with `0` for requests that got no HTTP answer. */
export function statusCounts(outcomes: Outcome[]): string {
  const counts = new Map<number, number>();
  for (const { status } of outcomes) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
}

export function countStatus(outcomes: Outcome[], status: number): number {
  return outcomes.filter((o) => o.status === status).length;
}
