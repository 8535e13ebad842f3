import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __benchCall?: Promise<{ frameMs: number; audioMs: number }>;
  }
}

/** What counts as the other side seen: decoded frames on a <video> whose box is on screen and at least this big. */
export const MIN_VIDEO_BOX = { width: 100, height: 100 };
const POLL_MS = 10;

/**
 * Arms an in-page stopwatch, the same for Rabta's page and the bare one. It starts as the click
 * on the button labelled `joinLabel` is dispatched (capture phase, before the page's handler) and
 * stops twice: at the first poll that finds a remote <video> (`remoteVideo`) with decoded frames,
 * its box inside the viewport, at least MIN_VIDEO_BOX, and not covered at its centre; and at the
 * first getStats that shows inbound audio RTP bytes. Both ends are read in the page.
 */
export async function armCallStopwatch(page: Page, opts: { joinLabel: string; remoteVideo: string; timeoutMs: number }): Promise<void> {
  await page.evaluate(
    ({ joinLabel, remoteVideo, timeoutMs, minBox, pollMs }) => {
      let clickedAt: number | undefined;
      window.addEventListener(
        "click",
        (event) => {
          const button = event.target instanceof Element ? event.target.closest("button") : null;
          if (clickedAt === undefined && button?.textContent?.trim() === joinLabel) clickedAt = performance.now();
        },
        { capture: true },
      );
      const seen = (video: HTMLVideoElement) => {
        if (video.videoWidth === 0 || video.getVideoPlaybackQuality().totalVideoFrames === 0) return false;
        const r = video.getBoundingClientRect();
        if (r.width < minBox.width || r.height < minBox.height) return false;
        if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) return false;
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top !== null && (top === video || video.contains(top) || top.contains(video));
      };
      const inboundAudioBytes = async () => {
        let bytes = 0;
        for (const pc of window.__rabtaPeerConnections ?? []) {
          if (pc.connectionState === "closed") continue;
          (await pc.getStats()).forEach((r) => {
            if (r.type === "inbound-rtp" && r.kind === "audio") bytes += r.bytesReceived ?? 0;
          });
        }
        return bytes;
      };
      const armedAt = performance.now();
      window.__benchCall = new Promise((resolve, reject) => {
        let frameMs: number | undefined;
        let audioMs: number | undefined;
        let reading = false;
        const timer = setInterval(() => {
          const now = performance.now();
          if (clickedAt === undefined) {
            if (now - armedAt > timeoutMs) {
              clearInterval(timer);
              reject(new Error("Join was never clicked"));
            }
            return;
          }
          if (frameMs === undefined && Array.from(document.querySelectorAll<HTMLVideoElement>(remoteVideo)).some(seen)) frameMs = now - clickedAt;
          if (audioMs === undefined && !reading) {
            reading = true;
            void inboundAudioBytes().then((bytes) => {
              reading = false;
              if (bytes > 0 && audioMs === undefined) audioMs = performance.now() - clickedAt!;
            });
          }
          if (frameMs !== undefined && audioMs !== undefined) {
            clearInterval(timer);
            resolve({ frameMs, audioMs });
          } else if (now - clickedAt > timeoutMs) {
            clearInterval(timer);
            const videos = Array.from(document.querySelectorAll<HTMLVideoElement>(remoteVideo)).map((v) => {
              const r = v.getBoundingClientRect();
              return `${v.videoWidth}x${v.videoHeight} in ${Math.round(r.width)}x${Math.round(r.height)}, ${v.getVideoPlaybackQuality().totalVideoFrames} frames`;
            });
            reject(new Error(`within ${timeoutMs} ms: frame ${frameMs ?? "none"}, audio ${audioMs ?? "none"} (remote videos: ${videos.join(" | ") || "none"})`));
          }
        }, pollMs);
      });
    },
    { ...opts, minBox: MIN_VIDEO_BOX, pollMs: POLL_MS },
  );
}

export async function readCallStopwatch(page: Page): Promise<{ frameMs: number; audioMs: number }> {
  const result = await page.evaluate(() => window.__benchCall);
  if (!result) throw new Error("the stopwatch was not armed");
  return result;
}

/** RTP bytes (payload + headers) by direction and kind, and every transport's bytes (RTCP, DTLS, ICE too). */
export type ByteCounts = { inVideo: number; inAudio: number; outVideo: number; outAudio: number; transportIn: number; transportOut: number };

export async function byteCounts(page: Page): Promise<ByteCounts> {
  return page.evaluate(async () => {
    const c = { inVideo: 0, inAudio: 0, outVideo: 0, outAudio: 0, transportIn: 0, transportOut: 0 };
    for (const pc of window.__rabtaPeerConnections ?? []) {
      if (pc.connectionState === "closed") continue;
      (await pc.getStats()).forEach((r) => {
        if (r.type === "inbound-rtp") {
          const bytes = (r.bytesReceived ?? 0) + (r.headerBytesReceived ?? 0);
          if (r.kind === "video") c.inVideo += bytes;
          else if (r.kind === "audio") c.inAudio += bytes;
        } else if (r.type === "outbound-rtp") {
          const bytes = (r.bytesSent ?? 0) + (r.headerBytesSent ?? 0);
          if (r.kind === "video") c.outVideo += bytes;
          else if (r.kind === "audio") c.outAudio += bytes;
        } else if (r.type === "transport") {
          c.transportIn += r.bytesReceived ?? 0;
          c.transportOut += r.bytesSent ?? 0;
        }
      });
    }
    return c;
  });
}

/**
 * Low video as use-call-mode.ts's applyMedia("low_video") sets it: every remote camera subscribed
 * at the low layer, our own camera published at the low layer only. The page's Room is not on
 * window, so it is found where the call puts it: the value of the CallRoomContext provider above
 * the call stage, read from React's fiber (present in production builds too).
 */
export async function applyLowVideo(page: Page): Promise<void> {
  const done = await page.evaluate(() => {
    type Pub = { setVideoQuality(q: number): void; track?: { setPublishingQuality?(q: number): void } };
    type RoomLike = {
      remoteParticipants: Map<string, { videoTrackPublications: Map<string, Pub> }>;
      localParticipant: { getTrackPublication(source: string): Pub | undefined };
    };
    const stage = document.querySelector("[data-testid=call-stage]");
    const key = stage && Object.keys(stage).find((k) => k.startsWith("__reactFiber$"));
    let fiber = key ? (stage as unknown as Record<string, { return: unknown; memoizedProps?: { value?: unknown } }>)[key] : undefined;
    let room: RoomLike | undefined;
    while (fiber && !room) {
      const value = fiber.memoizedProps?.value as Partial<RoomLike> | undefined;
      if (value && value.remoteParticipants instanceof Map && value.localParticipant) room = value as RoomLike;
      fiber = fiber.return as typeof fiber;
    }
    if (!room) return false;
    const LOW = 0; // livekit-client's VideoQuality.LOW
    for (const participant of room.remoteParticipants.values()) for (const pub of participant.videoTrackPublications.values()) pub.setVideoQuality(LOW);
    room.localParticipant.getTrackPublication("camera")?.track?.setPublishingQuality?.(LOW);
    return true;
  });
  if (!done) throw new Error("could not find the call's LiveKit room on the page");
}
