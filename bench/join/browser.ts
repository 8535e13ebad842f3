import { chromium, devices, type Browser, type BrowserContext } from "@playwright/test";
import { recordPeerConnections } from "../../e2e/support/media";
import config from "../../playwright.config";

// Generous for a loaded machine, yet finite: the library API waits forever by default.
const ACTION_TIMEOUT_MS = 30_000;
const phone = { width: 360, height: 740 };

/** The same Chromium binary and flags (fake camera, loopback WebRTC) as the e2e suite. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...config.use?.launchOptions, timeout: 60_000 });
}

export async function patientContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
  const context = await prepared(await browser.newContext({ ...pixel, ...shared(baseURL), viewport: phone, screen: phone }));
  // Lets a failed run report the WebRTC stats it did get.
  await recordPeerConnections(context);
  return context;
}

export async function doctorContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return prepared(await browser.newContext({ ...shared(baseURL), viewport: { width: 1280, height: 800 } }));
}

// Pages render slot times in the clinic's zone and copy in English, as in the e2e suite.
function shared(baseURL: string) {
  return { baseURL, locale: config.use?.locale, timezoneId: config.use?.timezoneId };
}

async function prepared(context: BrowserContext): Promise<BrowserContext> {
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  // tsx compiles with esbuild's keepNames, which wraps classes and named functions in a `__name`
  // helper; functions that Playwright sends into the page (e2e/support/media.ts's) need it there.
  await context.addInitScript({ content: "globalThis.__name = (target) => target;" });
  return context;
}
