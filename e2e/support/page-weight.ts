import type { Page } from "@playwright/test";

/** One response the page downloaded, as the browser's resource timing saw it. */
export type Transfer = { url: string; kind: "script" | "font" | "other"; encodedBytes: number; decodedBytes: number };

/** What one cold page load downloaded, by kind. */
export type PageWeight = { path: string; scriptBytes: number; fontBytes: number; transfers: Transfer[] };

/**
 * The script and font bytes a page downloaded, as encoded on the wire (gzip for scripts; woff2
 * is compressed already). Resource timing's `encodedBodySize` is the body as it arrived, without
 * headers; every response here is from our own origin, so the browser reports it (a cross-origin
 * one without Timing-Allow-Origin would read 0, which the caller's "more than zero" catches).
 *
 * Call it once the page has loaded and its fonts are ready: a page in a fresh browser context has
 * an empty HTTP cache, so each resource it used appears once.
 */
export async function pageWeight(page: Page, path: string): Promise<PageWeight> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((entry) => {
      const timing = entry as PerformanceResourceTiming;
      return { url: timing.name, initiator: timing.initiatorType, encodedBytes: timing.encodedBodySize, decodedBytes: timing.decodedBodySize };
    }),
  );
  const transfers = entries.map(({ url, initiator, encodedBytes, decodedBytes }): Transfer => {
    const pathname = new URL(url).pathname;
    const kind = /\.js$/.test(pathname) || initiator === "script" ? "script" : /\.(woff2?|ttf|otf)$/.test(pathname) ? "font" : "other";
    return { url: pathname, kind, encodedBytes, decodedBytes };
  });
  const sum = (kind: Transfer["kind"]) => transfers.filter((t) => t.kind === kind).reduce((total, t) => total + t.encodedBytes, 0);
  return { path, scriptBytes: sum("script"), fontBytes: sum("font"), transfers };
}

/** Kilobytes (1000 bytes, as the budgets are written) with one decimal. */
export function kB(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

/** A plain-text table of one page's downloads, largest first, for the test report. */
export function describeWeight(weight: PageWeight): string {
  const rows = weight.transfers
    .filter((t) => t.kind !== "other")
    .sort((a, b) => b.encodedBytes - a.encodedBytes)
    .map((t) => `  ${t.kind.padEnd(6)} ${kB(t.encodedBytes).padStart(7)} kB (${kB(t.decodedBytes)} kB decoded)  ${t.url}`);
  return [`${weight.path}: scripts ${kB(weight.scriptBytes)} kB, fonts ${kB(weight.fontBytes)} kB`, ...rows].join("\n");
}
