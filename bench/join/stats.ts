export type Summary = { runs: number; median: number; min: number; max: number };

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error("no samples to summarize");
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // An even count has two middle samples; their mean is the conventional median.
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: sorted.length, median, min: sorted[0]!, max: sorted.at(-1)! };
}

export function ms(value: number): string {
  return value.toFixed(1);
}

/** The one line other tools parse; keep the key names stable. */
export function resultLine(name: string, s: Summary): string {
  return `RESULT name=${name} runs=${s.runs} median_ms=${ms(s.median)} min_ms=${ms(s.min)} max_ms=${ms(s.max)}`;
}
