import { devices, expect, type Browser, type BrowserContext, type BrowserType, type LaunchOptions, type Page } from "@playwright/test";
import { recordPeerConnections } from "./media";

export const PHONE = { width: 360, height: 740 };
export const PHONE_LANDSCAPE = { width: PHONE.height, height: PHONE.width };
export const DESK = { width: 1280, height: 800 };

/** A patient's phone (Pixel 5's touch and user agent at 360 px), recording its peer connections. */
export async function phoneCallContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
  const context = await browser.newContext({ ...pixel, viewport: PHONE, screen: PHONE, ...options });
  await recordPeerConnections(context);
  return context;
}

/** A clinician's desktop, recording its peer connections. */
export async function deskCallContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESK, ...options });
  await recordPeerConnections(context);
  return context;
}

/**
 * A second Chromium, for the other side of a call that must behave like two devices. Contexts of
 * one browser share its one capture service: when both sides re-acquire the synthetic camera at
 * the same instant (a full reconnect restarts every local track), one side's new track can come
 * back "live" with no frames, 5 rounds in 30 in one browser against 0 in 40 across two
 * (measured with Chromium 156). Two people in a call are two devices anyway.
 */
export async function secondDevice(browserType: BrowserType, launchOptions: LaunchOptions): Promise<Browser> {
  return browserType.launch(launchOptions);
}

/** The consult timer's reading, in seconds. */
export async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId("call-timer").textContent()) ?? "";
  const parts = text.trim().split(":").map(Number);
  expect(parts.every((n) => Number.isInteger(n)), `timer reads "${text}"`).toBe(true);
  return parts.reduce((total, n) => total * 60 + n, 0);
}
