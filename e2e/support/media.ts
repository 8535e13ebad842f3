import { expect, type BrowserContext, type Page, type TestInfo } from "@playwright/test";

declare global {
  interface Window {
    __rabtaPeerConnections?: RTCPeerConnection[];
  }
}

const consoleLines = new WeakMap<Page, string[]>();

/**
 * Keeps every RTCPeerConnection the page creates, so the test can read real WebRTC stats
 * instead of assuming media flowed.
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  // The page's own warnings and errors (livekit-client logs a failed publish or subscribe there),
  // kept for the message of a call check that fails.
  context.on("page", (page) => {
    const lines: string[] = [];
    consoleLines.set(page, lines);
    page.on("console", (message) => {
      if (message.type() !== "warning" && message.type() !== "error") return;
      lines.push(`${new Date().toISOString().slice(11, 23)} ${message.type()}: ${message.text().slice(0, 300)}`);
      if (lines.length > 40) lines.shift();
    });
  });
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

/**
 * What the page's call looked like, for a failure message: the stage's mode, each tile and
 * what its <video> holds, and the state of every peer connection with its inbound video.
 */
export async function callDiagnostics(page: Page): Promise<unknown> {
  return page
    .evaluate(async () => {
      const tiles = [...document.querySelectorAll<HTMLElement>(".lk-participant-tile")].map((tile) => {
        const video = tile.querySelector("video");
        const tracks = video?.srcObject instanceof MediaStream ? video.srcObject.getTracks() : [];
        return {
          identity: tile.dataset.identity,
          local: tile.dataset.lkLocalParticipant,
          video: video
            ? {
                width: video.videoWidth,
                readyState: video.readyState,
                paused: video.paused,
                frames: video.getVideoPlaybackQuality().totalVideoFrames,
                tracks: tracks.map((t) => ({ kind: t.kind, state: t.readyState, muted: t.muted, enabled: t.enabled })),
              }
            : null,
        };
      });
      const connections = [];
      for (const pc of window.__rabtaPeerConnections ?? []) {
        const inbound: { bytes: number; frames: number }[] = [];
        if (pc.connectionState !== "closed") {
          (await pc.getStats()).forEach((r) => {
            if (r.type === "inbound-rtp" && r.kind === "video") inbound.push({ bytes: r.bytesReceived ?? 0, frames: r.framesDecoded ?? 0 });
          });
        }
        connections.push({ state: pc.connectionState, inboundVideo: inbound });
      }
      const stage = document.querySelector<HTMLElement>('[data-testid="call-stage"]');
      return { url: location.pathname, mode: stage?.dataset.callMode ?? null, tiles, connections };
    })
    .catch((error: unknown) => ({ unreadable: String(error) }));
}

/** expect.poll, with what the page's call looked like added to the message when it fails. */
async function pollCall(page: Page, check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const logged = (consoleLines.get(page) ?? []).join("\n");
    throw new Error(`${message}\ncall on the page: ${JSON.stringify(await callDiagnostics(page))}\nthe page's last warnings and errors:\n${logged}`, {
      cause: error,
    });
  }
}

/** Waits until the page shows the other side's video with decoded frames and bytes still arriving. */
export async function expectRemoteVideoFlowing(page: Page) {
  await pollCall(page, () =>
    expect.poll(() => remoteVideoFrames(page), { timeout: 30_000, message: "remote <video> decoded frames" }).toBeGreaterThan(0),
  );
  await pollCall(page, () => expect.poll(async () => (await inboundVideo(page)).framesDecoded, { timeout: 30_000 }).toBeGreaterThan(0));
  const before = await inboundVideo(page);
  await pollCall(page, () =>
    expect
      .poll(async () => (await inboundVideo(page)).bytesReceived, { timeout: 15_000, message: "inbound RTP bytes keep growing" })
      .toBeGreaterThan(before.bytesReceived),
  );
  const later = await inboundVideo(page);
  await pollCall(page, () => expect.poll(async () => (await inboundVideo(page)).bytesReceived, { timeout: 15_000 }).toBeGreaterThan(later.bytesReceived));
}

/** How much of the viewport the other side's picture must cover at least. */
export type OnScreenThresholds = { minWidthFraction: number; minHeightFraction: number };

/** A phone: the other side fills most of the screen. */
export const PHONE_CALL: OnScreenThresholds = { minWidthFraction: 0.5, minHeightFraction: 1 / 3 };
/** A desk or facility screen, where the call shares the page with the note or the visit. */
export const DESK_CALL: OnScreenThresholds = { minWidthFraction: 0.4, minHeightFraction: 0.4 };

export type Box = { x: number; y: number; width: number; height: number };

/** What the person on one side of the call sees, measured in the page by inspectCallInPage. */
export type CallView = {
  viewport: { width: number; height: number };
  dir: string;
  /** The remote <video> element, and the part of its picture that is painted and not clipped. */
  remote: { element: Box; picture: Box; covered: boolean } | null;
  self: { picture: Box; covered: boolean } | null;
  controls: { name: string; box: Box; covered: boolean }[];
  problems: { remote: string[]; self: string[]; controls: string[] };
};

/**
 * Runs inside the page (Playwright serialises it, and bench/join installs its source), so it must
 * not close over anything. Boxes are what a person sees: the picture as object-fit paints it,
 * cut by every ancestor that clips, then checked against the viewport and for anything on top.
 */
export function inspectCallInPage(thresholds: OnScreenThresholds & { touchTarget: number; cornerSlack: number }): CallView {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const round = (b: Box): Box => ({ x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) });
  const fromRect = (r: DOMRect): Box => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  const intersect = (a: Box, b: Box): Box => {
    const x = Math.max(a.x, b.x);
    const y = Math.max(a.y, b.y);
    return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
  };
  const show = (b: Box) => `${Math.round(b.width)}x${Math.round(b.height)} at (${Math.round(b.x)},${Math.round(b.y)})`;
  const insideViewport = (b: Box) => b.width > 0 && b.height > 0 && b.x >= -1 && b.y >= -1 && b.x + b.width <= vw + 1 && b.y + b.height <= vh + 1;
  const picture = (video: HTMLVideoElement): Box => {
    let box = fromRect(video.getBoundingClientRect());
    const fit = getComputedStyle(video).objectFit;
    if ((fit === "contain" || fit === "scale-down") && video.videoWidth > 0 && video.videoHeight > 0) {
      const scale = Math.min(box.width / video.videoWidth, box.height / video.videoHeight);
      const width = video.videoWidth * scale;
      const height = video.videoHeight * scale;
      box = { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
    }
    for (let el = video.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX !== "visible" || style.overflowY !== "visible") box = intersect(box, fromRect(el.getBoundingClientRect()));
    }
    return box;
  };
  // Something else painted over the middle of the element (another tile, a dialog, the controls).
  const coveredAtCentre = (box: Box, owner: Element) => {
    if (box.width <= 0 || box.height <= 0) return true;
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return !top || !(owner === top || owner.contains(top));
  };

  const problems: CallView["problems"] = { remote: [], self: [], controls: [] };
  const dir = getComputedStyle(document.documentElement).direction;

  let remote: CallView["remote"] = null;
  const remoteTile = document.querySelector('.lk-participant-tile[data-lk-local-participant="false"]');
  const remoteVideo = remoteTile?.querySelector("video");
  if (!remoteTile || !remoteVideo) problems.remote.push("no remote video");
  else {
    const seen = picture(remoteVideo);
    remote = { element: round(fromRect(remoteVideo.getBoundingClientRect())), picture: round(seen), covered: coveredAtCentre(seen, remoteTile) };
    if (!insideViewport(seen)) problems.remote.push(`remote picture ${show(seen)} is not inside the ${vw}x${vh} viewport`);
    if (seen.width < thresholds.minWidthFraction * vw) problems.remote.push(`remote picture ${show(seen)} is narrower than ${thresholds.minWidthFraction} of ${vw}`);
    if (seen.height < thresholds.minHeightFraction * vh) problems.remote.push(`remote picture ${show(seen)} is shorter than ${thresholds.minHeightFraction.toFixed(2)} of ${vh}`);
    if (remote.covered) problems.remote.push("something covers the middle of the remote picture");
  }

  let self: CallView["self"] = null;
  const selfTile = document.querySelector('.lk-participant-tile[data-lk-local-participant="true"]');
  const selfVideo = selfTile?.querySelector("video");
  if (!selfTile || !selfVideo) problems.self.push("no self-view");
  else {
    const seen = picture(selfVideo);
    self = { picture: round(seen), covered: coveredAtCentre(seen, selfTile) };
    if (!insideViewport(seen)) problems.self.push(`self-view ${show(seen)} is not inside the ${vw}x${vh} viewport`);
    if (self.covered) problems.self.push("something covers the self-view");
    if (remote) {
      const other = remote.picture;
      if (seen.width > other.width / 2 || seen.height > other.height / 2) problems.self.push(`self-view ${show(seen)} is not small beside the remote picture ${show(other)}`);
      // The corner at the bottom and the end of the line: right in English, left in Urdu.
      const slack = thresholds.cornerSlack;
      const bottom = Math.abs(other.y + other.height - (seen.y + seen.height)) <= slack;
      const end = dir === "rtl" ? Math.abs(seen.x - other.x) <= slack : Math.abs(other.x + other.width - (seen.x + seen.width)) <= slack;
      if (!bottom || !end) problems.self.push(`self-view ${show(seen)} is not in the bottom ${dir === "rtl" ? "left" : "right"} corner of the remote picture ${show(other)}`);
    }
  }

  const controls: CallView["controls"] = [];
  const buttons = document.querySelectorAll<HTMLElement>('[role="toolbar"] button');
  if (buttons.length === 0) problems.controls.push("no call controls");
  buttons.forEach((button) => {
    const box = fromRect(button.getBoundingClientRect());
    const name = (button.getAttribute("aria-label") ?? button.textContent ?? "").trim();
    const covered = coveredAtCentre(box, button);
    controls.push({ name, box: round(box), covered });
    if (!insideViewport(box)) problems.controls.push(`"${name}" ${show(box)} is not inside the ${vw}x${vh} viewport`);
    if (box.width < thresholds.touchTarget || box.height < thresholds.touchTarget) problems.controls.push(`"${name}" ${show(box)} is smaller than ${thresholds.touchTarget} px`);
    if (covered) problems.controls.push(`something covers "${name}"`);
  });

  return { viewport: { width: vw, height: vh }, dir, remote, self, controls, problems };
}

// WCAG 2.5.5's target size; the self-view sits 8 px in from the stage edge.
export const CALL_GEOMETRY = { touchTarget: 44, cornerSlack: 24 };

/** Measures the call as the person on this page sees it. */
export async function inspectCall(page: Page, thresholds: OnScreenThresholds): Promise<CallView> {
  return page.evaluate(inspectCallInPage, { ...thresholds, ...CALL_GEOMETRY });
}

/**
 * Waits until the other side's picture is on screen and big enough, the self-view is small and in
 * its corner, and every control is on screen and big enough to tap. Decoded frames alone are not
 * enough: a zero-height <video> decodes them too. With `screenshot`, what the person saw and the
 * measured boxes go into the report, whether the check passed or not.
 */
export async function expectRemoteVideoOnScreen(
  page: Page,
  thresholds: OnScreenThresholds,
  screenshot?: { testInfo: TestInfo; name: string },
): Promise<CallView> {
  try {
    await expect
      .poll(async () => (await inspectCall(page, thresholds)).problems, {
        timeout: 15_000,
        message: `the call as seen at ${page.viewportSize()?.width}x${page.viewportSize()?.height}`,
      })
      .toEqual({ remote: [], self: [], controls: [] });
    return await inspectCall(page, thresholds);
  } finally {
    if (screenshot) {
      await attachScreenshot(page, screenshot.testInfo, screenshot.name);
      const view = await inspectCall(page, thresholds);
      await screenshot.testInfo.attach(`${screenshot.name} (boxes)`, { body: JSON.stringify(view, null, 2), contentType: "application/json" });
    }
  }
}

/** Keeps what the person saw in the Playwright report. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}
