import { expect, type BrowserContext, type Page } from "@playwright/test";

declare global {
  interface Window {
    __rabtaPeerConnections?: RTCPeerConnection[];
  }
}

/**
 * Keeps every RTCPeerConnection the page creates, so the test can read real WebRTC stats
 * instead of assuming media flowed.
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const seen: RTCPeerConnection[] = [];
    window.__rabtaPeerConnections = seen;
    class Recorded extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        seen.push(this);
      }
    }
    window.RTCPeerConnection = Recorded as typeof RTCPeerConnection;
  });
}

export type InboundVideo = { bytesReceived: number; framesDecoded: number };

/** Sums inbound video RTP over every open peer connection of the page. */
export async function inboundVideo(page: Page): Promise<InboundVideo> {
  return page.evaluate(async () => {
    let bytesReceived = 0;
    let framesDecoded = 0;
    for (const pc of window.__rabtaPeerConnections ?? []) {
      if (pc.connectionState === "closed") continue;
      const stats = await pc.getStats();
      stats.forEach((report) => {
        if (report.type === "inbound-rtp" && report.kind === "video") {
          bytesReceived += report.bytesReceived ?? 0;
          framesDecoded += report.framesDecoded ?? 0;
        }
      });
    }
    return { bytesReceived, framesDecoded };
  });
}

/** Frames the page has decoded into the remote participant's <video> element. */
export async function remoteVideoFrames(page: Page): Promise<number> {
  return page.evaluate(() => {
    const videos = document.querySelectorAll<HTMLVideoElement>('.lk-participant-tile[data-lk-local-participant="false"] video');
    let frames = 0;
    videos.forEach((video) => {
      if (video.videoWidth > 0) frames += video.getVideoPlaybackQuality().totalVideoFrames;
    });
    return frames;
  });
}

/** Waits until the page shows the other side's video with decoded frames and bytes still arriving. */
export async function expectRemoteVideoFlowing(page: Page) {
  await expect.poll(() => remoteVideoFrames(page), { timeout: 30_000, message: "remote <video> decoded frames" }).toBeGreaterThan(0);
  await expect.poll(async () => (await inboundVideo(page)).framesDecoded, { timeout: 30_000 }).toBeGreaterThan(0);
  const before = await inboundVideo(page);
  await expect
    .poll(async () => (await inboundVideo(page)).bytesReceived, { timeout: 15_000, message: "inbound RTP bytes keep growing" })
    .toBeGreaterThan(before.bytesReceived);
  const later = await inboundVideo(page);
  await expect.poll(async () => (await inboundVideo(page)).bytesReceived, { timeout: 15_000 }).toBeGreaterThan(later.bytesReceived);
}
