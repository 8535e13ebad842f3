import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { env } from "@/lib/env";
import { notFound, unauthorized } from "@/lib/errors";

// No sandbox: the renderer runs as whatever user the server runs as, often root in a container,
// where Chromium's sandbox cannot start; it only ever loads our own origin (see the route below).
// The rest keep Chromium from phoning home (updates, field trials, safe-browsing lists) and from
// running out of a container's small /dev/shm.
const LAUNCH_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage"];

// Each page is a Chromium renderer process with its own memory and CPU. A district server may
// have two cores, and printing must not starve the clinic's other requests: a third render waits.
const MAX_CONCURRENT_RENDERS = 2;
const DEFAULT_TIMEOUT_MS = 20_000;

export type RenderPdfInput = {
  /** The print page, on our own origin; only that origin's requests are let through. */
  url: string;
  /** The user's session cookies, so the print page is authorised exactly as for them. */
  cookies?: { name: string; value: string }[];
  /** The paper size when the page's CSS names none (`@page { size }` wins). */
  format?: "A4" | "A5";
  /** How long the whole render may take once it has its turn (default 20 s). */
  timeoutMs?: number;
};

type Renderer = { browser?: Promise<Browser>; active: number; waiting: Array<() => void> };

// One browser per process; kept on globalThis so dev-mode hot reloads do not launch more.
const holder = globalThis as unknown as { rabtaPdfRenderer?: Renderer };
const renderer = (): Renderer => (holder.rabtaPdfRenderer ??= { active: 0, waiting: [] });

function launchBrowser(state: Renderer): Promise<Browser> {
  const launching = chromium.launch({
    executablePath: env().CHROMIUM_PATH,
    args: LAUNCH_ARGS,
    // Playwright kills the browser when this process exits whatever these say; its own signal
    // handlers would end the whole server on SIGINT (exit code 130) and get in the way of the
    // server's shutdown, so they stay off.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const forget = () => {
    if (state.browser === launching) state.browser = undefined;
  };
  launching.then((browser) => browser.on("disconnected", forget), forget);
  return launching;
}

/** The process's browser: launched on first use, launched again if it crashed or was closed. */
async function sharedBrowser(): Promise<Browser> {
  const state = renderer();
  const current = state.browser;
  if (current) {
    const browser = await current.catch(() => null);
    if (browser?.isConnected()) return browser;
    if (state.browser === current) state.browser = undefined;
  }
  state.browser ??= launchBrowser(state);
  return state.browser;
}

/** Waits for one of the render slots; the returned function gives it back (once). */
async function takeSlot(): Promise<() => void> {
  const state = renderer();
  if (state.active < MAX_CONCURRENT_RENDERS) state.active++;
  else await new Promise<void>((resolve) => state.waiting.push(resolve));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // A waiting render takes the slot over directly, so that a newcomer cannot jump the queue.
    const next = state.waiting.shift();
    if (next) next();
    else state.active--;
  };
}

async function printPage(context: BrowserContext, input: RenderPdfInput, target: URL): Promise<Uint8Array> {
  // The renderer must never fetch the internet: a print page that named another origin (a
  // font CDN, an image a patient's text smuggled in) gets nothing, and leaks nothing.
  await context.route("**/*", (route) =>
    new URL(route.request().url()).origin === target.origin ? route.continue() : route.abort("blockedbyclient"),
  );
  await context.routeWebSocket(/.*/, (socket) => {
    if (new URL(socket.url()).origin.replace(/^ws/, "http") === target.origin) socket.connectToServer();
    else void socket.close();
  });
  if (input.cookies?.length) {
    await context.addCookies(input.cookies.map(({ name, value }) => ({ name, value, url: target.origin })));
  }
  const page = await context.newPage();
  // Print media from the start, so that fonts only print styles use are loaded before we wait for them.
  await page.emulateMedia({ media: "print" });
  // Chromium fails the navigation itself on an error status with an empty body, so the status
  // is taken from the main document's last response, whichever way goto ends.
  let status = 0;
  page.on("response", (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) status = response.status();
  });
  await page.goto(target.href, { waitUntil: "networkidle" }).catch((error: unknown) => {
    if (status < 400) throw error;
  });
  if (status === 404) throw notFound();
  if (status === 401 || status === 403) throw unauthorized();
  if (status < 200 || status >= 300) throw new Error(`renderPdf: the print page answered ${status || "nothing"}`);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const pdf = await page.pdf({ format: input.format ?? "A4", printBackground: true, preferCSSPageSize: true });
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/**
 * Renders one of our print pages to PDF in Chromium, which shapes Urdu Nastaliq as the browser
 * does. Each render gets a fresh browser context holding only the given cookies (for the URL's
 * origin) and may load nothing from any other origin; it waits for network idle and
 * `document.fonts.ready`, prints with backgrounds and the page's own CSS page size, and closes
 * the context. At most two renders run at once; the others wait. A print page that answers 404
 * throws not found, 401 or 403 unauthorized; any other failure, or a render slower than
 * `timeoutMs` (20 s), throws an Error.
 */
export async function renderPdf(input: RenderPdfInput): Promise<Uint8Array> {
  const target = new URL(input.url);
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new Error("renderPdf: the URL must be http or https");
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const release = await takeSlot();
  let context: BrowserContext | undefined;
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  const work = (async () => {
    const created = await (await sharedBrowser()).newContext({ serviceWorkers: "block", acceptDownloads: false, timezoneId: "Asia/Karachi" });
    // A render that timed out while its context was being made must not leave it open.
    if (finished) {
      await created.close();
      throw new Error("renderPdf: timed out");
    }
    context = created;
    context.setDefaultTimeout(timeoutMs);
    return printPage(context, input, target);
  })();
  work.catch(() => {});
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`renderPdf: ${target.pathname} took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    finished = true;
    clearTimeout(timer);
    // Closing the context also ends whatever the page was still doing after a timeout.
    await context?.close().catch(() => {});
    release();
  }
}

/** Closes the process's browser (tests, shutdown); the next render launches a new one. */
export async function closePdfRenderer(): Promise<void> {
  const state = renderer();
  const current = state.browser;
  state.browser = undefined;
  const browser = await current?.catch(() => null);
  await browser?.close();
}
