import { describe, expect, it } from "vitest";
import { chooseMode, initialLadder, observeScore, type ConnectionScore, type LadderState, type LadderStep } from "./degrade-ladder";

/** Feeds scores at the given seconds and collects the steps the ladder took. */
function run(scores: [number, ConnectionScore][], start: LadderState = initialLadder) {
  let state = start;
  const steps: (LadderStep & { at: number })[] = [];
  for (const [second, score] of scores) {
    const result = observeScore(state, score, second * 1000);
    state = result.state;
    if (result.step) steps.push({ ...result.step, at: second });
  }
  return { state, steps };
}

describe("the degrade ladder", () => {
  it("drops to the low layer on a poor score and to audio-only once poor has held 10 s", () => {
    const { steps } = run([[0, "excellent"], [5, "poor"], [10, "poor"], [15, "lost"]]);
    expect(steps).toEqual([
      { mode: "low_video", reason: "poor_connection", at: 5 },
      { mode: "audio_only", reason: "poor_connection", at: 15 },
    ]);
  });

  it("does not go audio-only for one bad score", () => {
    const { steps, state } = run([[0, "poor"], [5, "good"], [10, "poor"], [15, "good"]]);
    expect(steps.map((s) => s.mode)).toEqual(["low_video"]);
    expect(state.mode).toBe("low_video");
  });

  it("brings video back after 20 s of good, not sooner", () => {
    const { steps } = run([[0, "poor"], [10, "lost"], [11, "good"], [30, "good"], [31, "excellent"]]);
    expect(steps).toEqual([
      { mode: "low_video", reason: "poor_connection", at: 0 },
      { mode: "audio_only", reason: "poor_connection", at: 10 },
      { mode: "video", reason: "recovered", at: 31 },
    ]);
  });

  it("ignores unknown scores", () => {
    expect(run([[0, "unknown"], [50, "unknown"]]).steps).toEqual([]);
  });

  it("holds audio-only under data saver whatever the connection does, until video is asked for", () => {
    const saver = chooseMode(initialLadder, "data_saver");
    expect(saver.step).toEqual({ mode: "audio_only", reason: "data_saver" });
    const { steps, state } = run([[0, "excellent"], [30, "excellent"], [60, "excellent"]], saver.state);
    expect(steps).toEqual([]);
    expect(state.mode).toBe("audio_only");
    expect(chooseMode(state, "video").step).toEqual({ mode: "video", reason: "asked" });
  });

  it("data saver while already audio-only for the connection is a step (its reason changes), and holds", () => {
    const { state } = run([[0, "poor"], [10, "poor"]]);
    expect(state.mode).toBe("audio_only");
    const saver = chooseMode(state, "data_saver");
    expect(saver.step).toEqual({ mode: "audio_only", reason: "data_saver" });
    expect(chooseMode(saver.state, "data_saver").step).toBeNull();
    expect(run([[20, "excellent"], [45, "excellent"]], saver.state).steps).toEqual([]);
  });

  it("asking for video while already on video is no step", () => {
    expect(chooseMode(initialLadder, "video").step).toBeNull();
  });
});
