/** Fewer recent consultations than this say little about a doctor's pace, so the fallback is used. */
export const MIN_SAMPLES = 3;

const MINUTE_MS = 60_000;
// However a doctor's recent history looks, an estimate outside this band would mislead patients.
const TYPICAL_MIN_MS = 2 * MINUTE_MS;
const TYPICAL_MAX_MS = 60 * MINUTE_MS;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Typical consultation length: the median of the recent lengths (ms), or the fallback when there
 * are fewer than MIN_SAMPLES; clamped to [2 min, 60 min]. The median, because one call left open
 * over lunch must not double everyone's estimate. Non-finite and negative lengths are ignored.
 */
export function typicalConsultationMs(recentDurationsMs: readonly number[], fallbackMs: number): number {
  const usable = recentDurationsMs.filter((ms) => Number.isFinite(ms) && ms >= 0).sort((a, b) => a - b);
  const typical = usable.length < MIN_SAMPLES ? fallbackMs : median(usable);
  return clamp(typical, TYPICAL_MIN_MS, TYPICAL_MAX_MS);
}

/**
 * Estimated wait (ms) for the patient at `place` (1 = next); null when no clinician is online to
 * see them. The patients ahead each take a typical consultation and calls in progress take what
 * is left of theirs (nothing, once they run over); online clinicians share that work.
 */
export function estimateWaitMs(input: {
  place: number;
  typicalMs: number;
  cliniciansOnline: number;
  callsInProgressElapsedMs: readonly number[];
}): number | null {
  const { place, typicalMs, cliniciansOnline, callsInProgressElapsedMs } = input;
  if (!Number.isInteger(place) || place < 1) throw new RangeError("place must be a whole number from 1");
  if (!(cliniciansOnline > 0)) return null;
  const waitingAhead = (place - 1) * typicalMs;
  // A negative (clock skew between machines) or unknown elapsed time counts as a call just started.
  const callsLeft = callsInProgressElapsedMs.reduce((sum, elapsed) => sum + Math.max(0, typicalMs - (elapsed > 0 ? elapsed : 0)), 0);
  return (waitingAhead + callsLeft) / Math.max(1, cliniciansOnline);
}

/** Rounds a wait for display: whole minutes, at least 1 when > 0, 0 when 0. */
export function waitMinutes(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.max(1, Math.round(ms / MINUTE_MS));
}
