import type { Page } from "@playwright/test";
import { CALL_GEOMETRY, PHONE_CALL, inspectCallInPage, type CallView } from "../../e2e/support/media";

declare global {
  interface Window {
    __benchJoinMs?: Promise<number>;
  }
}

// The call's own device check (app/consult/[consultationId]/call/device-check.tsx).
const JOIN_BUTTON = '[data-testid="call-join"]';
const PREVIEW_VIDEO = '[data-testid="call-device-check"] video';
// The same element e2e/support/media.ts counts decoded frames on: the other side's camera tile.
const REMOTE_VIDEO = '.lk-participant-tile[data-lk-local-participant="false"] video';
const POLL_MS = 10;

/** Waits for the device check to show the patient's own camera, as a user would before joining. */
export async function waitForCameraPreview(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (selector) => (document.querySelector<HTMLVideoElement>(selector)?.videoWidth ?? 0) > 0,
    PREVIEW_VIDEO,
    { timeout: timeoutMs, polling: 100 },
  );
}

/**
 * Starts an in-page stopwatch: it reads performance.now() as the click on Join is dispatched
 * (capture phase, before the app's handler) and stops at the first poll that finds a remote
 * <video> with decoded frames whose picture is on screen and as big as the e2e tests require
 * of a phone (e2e/support/media.ts's PHONE_CALL, measured by the same inspectCallInPage): a
 * frame decoded into a zero-height box is not the doctor seen. Both ends are taken in the
 * page, so Playwright's round trips add nothing but the poll interval.
 */
export async function armJoinStopwatch(page: Page, timeoutMs: number): Promise<void> {
  await page.evaluate(
    ({ joinButton, remoteVideo, pollMs, timeoutMs, inspectSource, thresholds }) => {
      // The e2e inspector's own source, so that the bench and the tests judge "visible" alike.
      const inspect = (0, eval)(`(${inspectSource})`) as (t: typeof thresholds) => CallView;
      let clickedAt: number | undefined;
      window.addEventListener(
        "click",
        (event) => {
          if (clickedAt !== undefined || !(event.target instanceof Element)) return;
          if (event.target.closest(joinButton)) clickedAt = performance.now();
        },
        { capture: true },
      );
      const armedAt = performance.now();
      window.__benchJoinMs = new Promise<number>((resolve, reject) => {
        const timer = setInterval(() => {
          const now = performance.now();
          const decoding = Array.from(document.querySelectorAll<HTMLVideoElement>(remoteVideo)).some(
            (video) => video.videoWidth > 0 && video.getVideoPlaybackQuality().totalVideoFrames > 0,
          );
          if (clickedAt !== undefined && decoding && inspect(thresholds).problems.remote.length === 0) {
            clearInterval(timer);
            resolve(now - clickedAt);
          } else if (now - (clickedAt ?? armedAt) > timeoutMs) {
            clearInterval(timer);
            // What the page did get, so that a failed run says where the join stalled.
            const seen = Array.from(document.querySelectorAll<HTMLVideoElement>(remoteVideo)).map(
              (video) => `${video.videoWidth}x${video.videoHeight}, readyState ${video.readyState}, ${video.getVideoPlaybackQuality().totalVideoFrames} frames`,
            );
            const tiles = document.querySelectorAll(".lk-participant-tile").length;
            const onScreen = inspect(thresholds).problems.remote.join("; ") || "on screen";
            reject(
              new Error(
                clickedAt === undefined
                  ? "Join was never clicked"
                  : `no visible remote video frame within ${timeoutMs} ms (${tiles} tiles; remote videos: ${seen.join(" | ") || "none"}; ${onScreen})`,
              ),
            );
          }
        }, pollMs);
      });
    },
    {
      joinButton: JOIN_BUTTON,
      remoteVideo: REMOTE_VIDEO,
      pollMs: POLL_MS,
      timeoutMs,
      inspectSource: inspectCallInPage.toString(),
      thresholds: { ...PHONE_CALL, ...CALL_GEOMETRY },
    },
  );
}

/** Milliseconds from the click on Join to the doctor's first decoded frame on a visible video. */
export async function readJoinStopwatch(page: Page): Promise<number> {
  const ms = await page.evaluate(() => window.__benchJoinMs);
  if (ms === undefined) throw new Error("the join stopwatch was not armed");
  return ms;
}
