import type { callModes } from "@/db/enums";

/** How this side of the call takes part: full video, the low simulcast layer, or sound only. */
export type CallMode = (typeof callModes)[number];

/** A video layer as the browser encodes it: picture size, and the ceiling of its bitrate and frame rate. */
export type VideoLayer = { width: number; height: number; maxBitrate: number; maxFramerate: number };

/**
 * The one place the call's media budget is written down; the room publishes with these and the
 * pre-join estimate is computed from them, so the figure a patient reads is the one the call uses.
 *
 * A prepaid phone on 3G is the design case. The camera is captured at 360p, not LiveKit's 720p
 * default: a 360 px wide phone cannot show more, and capturing more costs battery and CPU for
 * nothing. Simulcast sends a 180p layer beside it; dynacast pauses any layer nobody watches, so
 * in a two-party call only the layer the other side needs goes up. Speech needs little: Opus at
 * 24 kbit/s with DTX (silence sends almost nothing) stays clear, and keeps audio-only well
 * under the 0.5 MB a minute.
 */
export const CALL_ENCODINGS = {
  camera: { width: 640, height: 360, frameRate: 20 },
  /** The top layer: what a viewer with a good connection receives. */
  video: { width: 640, height: 360, maxBitrate: 350_000, maxFramerate: 20 },
  /** The lower simulcast layer, which low-video mode (and a small tile) subscribes to. */
  lowVideo: { width: 320, height: 180, maxBitrate: 110_000, maxFramerate: 12 },
  audio: { maxBitrate: 24_000 },
  /** Screen share: slides and reports are read, not watched, so detail beats frame rate. */
  screenShare: { width: 1280, height: 720, maxBitrate: 600_000, maxFramerate: 5 },
} as const satisfies {
  camera: { width: number; height: number; frameRate: number };
  video: VideoLayer;
  lowVideo: VideoLayer;
  audio: { maxBitrate: number };
  screenShare: VideoLayer;
};

export type CallEncodings = { video: VideoLayer; lowVideo: VideoLayer; audio: { maxBitrate: number } };

/**
 * Bytes a minute of the call costs in each mode, sent and received together: each direction
 * carries the mode's video layer (none when audio-only) and the audio, at their ceilings, for 60
 * seconds. A ceiling, not an average: the encoder often sends less (DTX in silence, a still
 * picture), and packet headers add a few per cent, so the real figure sits at or under it.
 */
export function estimateDataUsePerMinute(encodings: CallEncodings = CALL_ENCODINGS): Record<CallMode, number> {
  const perMinute = (bitsPerSecond: number) => (bitsPerSecond * 60 * 2) / 8;
  const audio = encodings.audio.maxBitrate;
  return {
    video: perMinute(encodings.video.maxBitrate + audio),
    low_video: perMinute(encodings.lowVideo.maxBitrate + audio),
    audio_only: perMinute(audio),
  };
}
