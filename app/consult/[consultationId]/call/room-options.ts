import { VideoPreset, type RoomOptions } from "livekit-client";
import { CALL_ENCODINGS } from "@/lib/consult/call-encodings";

const { camera, video, lowVideo, audio, screenShare } = CALL_ENCODINGS;

/**
 * The room as lib/consult/call-encodings.ts sets it out. Adaptive stream asks the server only for
 * the size a <video> is drawn at (a small tile gets the small layer) and pauses what is hidden;
 * dynacast stops encoding a layer nobody receives. RED is off: it repeats every audio packet, so
 * it doubles the audio's bytes, which a prepaid phone pays for; Opus's own in-band FEC and DTX
 * stay on, within the same bitrate.
 */
export const roomOptions: RoomOptions = {
  adaptiveStream: true,
  dynacast: true,
  videoCaptureDefaults: { resolution: camera },
  audioCaptureDefaults: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  publishDefaults: {
    simulcast: true,
    videoCodec: "vp8",
    videoEncoding: { maxBitrate: video.maxBitrate, maxFramerate: video.maxFramerate },
    videoSimulcastLayers: [new VideoPreset(lowVideo.width, lowVideo.height, lowVideo.maxBitrate, lowVideo.maxFramerate)],
    screenShareEncoding: { maxBitrate: screenShare.maxBitrate, maxFramerate: screenShare.maxFramerate },
    audioPreset: { maxBitrate: audio.maxBitrate },
    dtx: true,
    red: false,
  },
};

export const screenShareCapture = { resolution: { width: screenShare.width, height: screenShare.height, frameRate: screenShare.maxFramerate }, contentHint: "detail" } as const;
