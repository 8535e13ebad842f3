import type { BrowserContext, Page } from "@playwright/test";

declare global {
  interface Window {
    __rabtaCspViolations?: string[];
  }
}

/** Records every Content-Security-Policy violation the context's pages report. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    window.__rabtaCspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

/** The violations the current document has reported so far. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__rabtaCspViolations ?? []);
}
