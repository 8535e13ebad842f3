import { describe, expect, it } from "vitest";
import { CALL_ENCODINGS, estimateDataUsePerMinute } from "./call-encodings";

describe("estimateDataUsePerMinute", () => {
  it("is each mode's bitrate for 60 seconds, both directions", () => {
    const estimate = estimateDataUsePerMinute({
      video: { width: 640, height: 360, maxBitrate: 400_000, maxFramerate: 20 },
      lowVideo: { width: 320, height: 180, maxBitrate: 100_000, maxFramerate: 10 },
      audio: { maxBitrate: 20_000 },
    });
    // (400 + 20) kbit/s × 60 s × 2 directions ÷ 8 bits = 6.3 MB; (100 + 20) → 1.8 MB; 20 → 0.3 MB.
    expect(estimate).toEqual({ video: 6_300_000, low_video: 1_800_000, audio_only: 300_000 });
  });

  it("keeps the configured audio-only mode under half a megabyte a minute, and each step down cheaper", () => {
    const estimate = estimateDataUsePerMinute(CALL_ENCODINGS);
    expect(estimate.audio_only).toBeLessThanOrEqual(500_000);
    expect(estimate.low_video).toBeLessThan(estimate.video);
    expect(estimate.audio_only).toBeLessThan(estimate.low_video);
  });
});
