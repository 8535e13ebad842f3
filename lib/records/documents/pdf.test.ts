import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { closePdfRenderer, renderPdf } from "./pdf";

// renderPdf reads CHROMIUM_PATH through env(), which wants the app's whole configuration. `npm
// test` provides it; a bare `vitest run` gets placeholders that nothing here connects to.
const placeholders: Record<string, string> = {
  DATABASE_URL: "postgres://unused@127.0.0.1:1/unused",
  AUTH_SECRET: randomBytes(33).toString("base64"),
  LIVEKIT_URL: "ws://127.0.0.1:1",
  LIVEKIT_API_KEY: "unused",
  LIVEKIT_API_SECRET: randomBytes(33).toString("base64"),
  RABTA_DEMO: "1",
};

// The browser renderPdf will launch, as lib/env.ts reads it (its default included).
const settings = parseEnv({ ...placeholders, ...process.env });
if (!settings.ok) throw new Error(`pdf.test.ts: ${settings.problems.join("; ")}`);
const chromiumPath = settings.env.CHROMIUM_PATH;
const haveChromium = existsSync(chromiumPath);
if (!haveChromium) {
  console.warn(`pdf.test.ts: skipped, no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

const SESSION = { name: "authjs.session-token", value: randomBytes(16).toString("hex") };
const fontsDir = path.join(process.cwd(), "public", "fonts");
const urduFont = readdirSync(fontsDir).find((name) => /^noto-nastaliq-urdu-urdu-400\.[0-9a-f]+\.woff2$/.test(name));
const URDU = "مریض کا نام: فاطمہ بی بی۔ بلڈ پریشر ۱۲۰/۸۰، دوا صبح و شام کھانے کے بعد لیں۔";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const cookieOf = (request: IncomingMessage, name: string) =>
  (request.headers.cookie ?? "").split(/;\s*/).find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1);

/** The pages in a PDF: page objects, not the /Pages tree node. */
const pageCount = (pdf: string) => pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

/** The first page's MediaBox width and height in points. */
function mediaBox(pdf: string): [number, number] {
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  if (!box) throw new Error("no MediaBox");
  return [Number(box[3]) - Number(box[1]), Number(box[4]) - Number(box[2])];
}

describe.skipIf(!haveChromium)("renderPdf", () => {
  let app: Server;
  let elsewhere: Server;
  let appUrl = "";
  let elsewhereUrl = "";
  const elsewhereHits: string[] = [];
  const sameOriginHits: string[] = [];
  let printing = 0;
  let mostPrintingAtOnce = 0;
  const held: (() => void)[] = [];

  beforeAll(async () => {
    for (const [name, value] of Object.entries(placeholders)) if (process.env[name] === undefined) vi.stubEnv(name, value);
    // Another origin on this machine stands in for the internet: anything it sees is a leak.
    elsewhere = createServer((request, response) => {
      elsewhereHits.push(request.url ?? "");
      response.end("leaked");
    });
    elsewhereUrl = await listen(elsewhere);
    app = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/font.woff2" && urduFont) {
        response.setHeader("content-type", "font/woff2");
        response.end(readFileSync(path.join(fontsDir, urduFont)));
        return;
      }
      if (url.pathname === "/same-origin.svg") {
        sameOriginHits.push(url.pathname);
        response.setHeader("content-type", "image/svg+xml");
        response.end('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
        return;
      }
      if (url.pathname === "/never") return; // holds the request open: the network never goes idle
      if (url.pathname !== "/print" && url.pathname !== "/stuck") {
        response.statusCode = 404;
        response.end();
        return;
      }
      if (cookieOf(request, SESSION.name) !== SESSION.value) {
        response.statusCode = 403;
        response.end("forbidden");
        return;
      }
      printing++;
      mostPrintingAtOnce = Math.max(mostPrintingAtOnce, printing);
      response.on("close", () => printing--);
      response.setHeader("content-type", "text/html; charset=utf-8");
      const send = () => response.end(page(url.pathname === "/stuck"));
      if (!url.searchParams.has("copy")) return void setTimeout(send, 200);
      // The concurrent renders' pages are held until two are in flight and a second more has
      // passed without a third (or 5 s without a second), so that renders the limiter lets run
      // together do overlap here however loaded the machine is: a limiter that let one through
      // shows as one, and one that let three through shows as three.
      held.push(send);
      const releaseAll = () => held.splice(0).forEach((release) => release());
      if (printing >= 3) releaseAll();
      else if (printing === 2) setTimeout(releaseAll, 1_000);
      else
        setTimeout(() => {
          const at = held.indexOf(send);
          if (at >= 0 && printing < 2) held.splice(at, 1).forEach((release) => release());
        }, 5_000);
    });
    appUrl = await listen(app);
  });

  function page(stuck: boolean): string {
    return `<!doctype html>
<html lang="ur" dir="rtl"><head><meta charset="utf-8"><title>نسخہ</title>
<style>
  @font-face { font-family: "Noto Nastaliq Urdu"; src: url("/font.woff2") format("woff2"); font-display: block; }
  @font-face { font-family: "Elsewhere"; src: url("${elsewhereUrl}/font.woff2"); }
  body { font-family: "Noto Nastaliq Urdu", serif; font-size: 16pt; line-height: 2.2; }
  .stamp { background: #e0f0ff; }
</style>
<link rel="stylesheet" href="${elsewhereUrl}/style.css">
</head><body>
<h1>نسخہ</h1>
<p class="stamp">${URDU}</p>
<p style="font-family: Elsewhere">Elsewhere</p>
<img src="${elsewhereUrl}/tracker.png" alt="">
<img src="/same-origin.svg" alt="">
${stuck ? '<img src="/never" alt="">' : ""}
<script>fetch(${JSON.stringify(`${elsewhereUrl}/beacon`)}, { mode: "no-cors" }).catch(() => {});</script>
</body></html>`;
  }

  afterAll(async () => {
    await closePdfRenderer();
    await Promise.all([app, elsewhere].map((server) => new Promise((resolve) => server?.close(resolve))));
    vi.unstubAllEnvs();
  });

  it("prints the Urdu print page to a one-page A4 PDF in Nastaliq, and fetches nothing from elsewhere", async () => {
    expect(urduFont, "public/fonts has the Nastaliq subset").toBeDefined();
    const withoutSession = await fetch(`${appUrl}/print`);
    expect(withoutSession.status).toBe(403);

    const bytes = await renderPdf({ url: `${appUrl}/print`, cookies: [SESSION] });

    const pdf = Buffer.from(bytes).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pageCount(pdf)).toBe(1);
    // A4 is 210 × 297 mm: 595.3 × 841.9 pt.
    const [width, height] = mediaBox(pdf);
    expect(Math.abs(width - 595.3)).toBeLessThan(2);
    expect(Math.abs(height - 841.9)).toBeLessThan(2);
    // The web font itself is embedded, not a system fallback.
    expect(pdf).toMatch(/\/FontName\s*\/[A-Z]{6}\+NotoNastaliqUrdu/);
    expect(sameOriginHits.length).toBeGreaterThan(0);
    expect(elsewhereHits).toEqual([]);
  }, 60_000);

  it("refuses to print what the session may not see, instead of printing the refusal", async () => {
    await expect(renderPdf({ url: `${appUrl}/print` })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(renderPdf({ url: `${appUrl}/print`, cookies: [{ name: SESSION.name, value: "someone-else" }] })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(renderPdf({ url: `${appUrl}/missing`, cookies: [SESSION] })).rejects.toMatchObject({ code: "not_found" });
  }, 60_000);

  it("renders concurrent requests, never more than two at once, on A5 when asked", async () => {
    mostPrintingAtOnce = 0;
    const renders = await Promise.all(
      Array.from({ length: 4 }, (_, i) => renderPdf({ url: `${appUrl}/print?copy=${i}`, cookies: [SESSION], format: i % 2 ? "A5" : "A4" })),
    );
    for (const [i, bytes] of renders.entries()) {
      const pdf = Buffer.from(bytes).toString("latin1");
      expect(pdf.startsWith("%PDF-")).toBe(true);
      expect(pageCount(pdf)).toBe(1);
      // A5 is 148 mm wide: 419.5 pt.
      expect(Math.abs(mediaBox(pdf)[0] - (i % 2 ? 419.5 : 595.3))).toBeLessThan(2);
    }
    expect(mostPrintingAtOnce).toBe(2);
    expect(elsewhereHits).toEqual([]);
  }, 60_000);

  it("gives up on a page that never settles, frees its slot, and launches a new browser after a close", async () => {
    const started = Date.now();
    await expect(renderPdf({ url: `${appUrl}/stuck`, cookies: [SESSION], timeoutMs: 1500 })).rejects.toThrow(/longer than 1500 ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
    await closePdfRenderer();
    const [first, second] = await Promise.all([1, 2].map(() => renderPdf({ url: `${appUrl}/print`, cookies: [SESSION] })));
    expect(Buffer.from(first!).subarray(0, 5).toString()).toBe("%PDF-");
    expect(Buffer.from(second!).subarray(0, 5).toString()).toBe("%PDF-");
  }, 60_000);
});
