import type { callModeReasons } from "@/db/enums";
import type { CallMode } from "./call-encodings";

export type CallModeReason = (typeof callModeReasons)[number];
/** LiveKit's score of a participant's connection (livekit-client's ConnectionQuality values). */
export type ConnectionScore = "excellent" | "good" | "poor" | "lost" | "unknown";

/**
 * How long a score must hold before the ladder moves. LiveKit scores every participant about
 * every 5 s, so 10 s of poor is two scores in a row: one bad score (a lift door, a handover
 * between towers) costs only the lower layer, not the picture. Coming back waits twice as long,
 * 20 s of good, so a connection on the edge does not flap between video and audio.
 */
export const LADDER_TIMING = { poorToAudioOnlyMs: 10_000, goodToVideoMs: 20_000 } as const;

export type LadderState = {
  mode: CallMode;
  /** "data_saver" holds audio-only until the person asks for video; "auto" follows the connection. */
  choice: "auto" | "data_saver";
  badSince: number | null;
  goodSince: number | null;
};

export type LadderStep = { mode: CallMode; reason: CallModeReason };
export type LadderResult = { state: LadderState; step: LadderStep | null };

export const initialLadder: LadderState = { mode: "video", choice: "auto", badSince: null, goodSince: null };

function moveTo(state: LadderState, mode: CallMode, reason: CallModeReason): LadderResult {
  return state.mode === mode ? { state, step: null } : { state: { ...state, mode }, step: { mode, reason } };
}

/**
 * The degrade ladder, one score at a time (call it on every score and on a clock tick, with the
 * latest score, so that "held for 10 s" is noticed without a new score): a poor or lost score
 * drops video to the low layer at once and to audio-only once it has held for
 * poorToAudioOnlyMs; good or excellent held for goodToVideoMs brings video back, unless the
 * person chose data saver.
 */
export function observeScore(state: LadderState, score: ConnectionScore, now: number): LadderResult {
  if (score === "unknown") return { state, step: null };
  const bad = score === "poor" || score === "lost";
  const next: LadderState = bad
    ? { ...state, badSince: state.badSince ?? now, goodSince: null }
    : { ...state, goodSince: state.goodSince ?? now, badSince: null };
  if (state.choice === "data_saver") return { state: next, step: null };
  if (bad) {
    if (now - next.badSince! >= LADDER_TIMING.poorToAudioOnlyMs) return moveTo(next, "audio_only", "poor_connection");
    return state.mode === "video" ? moveTo(next, "low_video", "poor_connection") : { state: next, step: null };
  }
  if (state.mode !== "video" && now - next.goodSince! >= LADDER_TIMING.goodToVideoMs) return moveTo(next, "video", "recovered");
  return { state: next, step: null };
}

/**
 * The person's own switch: data saver holds audio-only whatever the connection does; asking
 * for video brings it back now and hands the choice back to the connection's scores (which
 * start counting afresh, so a still-poor connection drops again only after it has held).
 */
export function chooseMode(state: LadderState, choice: "data_saver" | "video"): LadderResult {
  const reset = { badSince: null, goodSince: null };
  if (choice === "data_saver") {
    // Already audio-only because of the connection: the step is the reason changing.
    if (state.choice === "data_saver") return { state, step: null };
    return { state: { ...state, ...reset, choice: "data_saver", mode: "audio_only" }, step: { mode: "audio_only", reason: "data_saver" } };
  }
  return moveTo({ ...state, ...reset, choice: "auto" }, "video", "asked");
}
