import { devices, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
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

/** The consult timer's reading, in seconds. */
export async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId("call-timer").textContent()) ?? "";
  const parts = text.trim().split(":").map(Number);
  expect(parts.every((n) => Number.isInteger(n)), `timer reads "${text}"`).toBe(true);
  return parts.reduce((total, n) => total * 60 + n, 0);
}
