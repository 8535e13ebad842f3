import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PatientPages, freshPhone } from "./support/pages";

/** The JavaScript the page loaded: each script's URL and text. */
async function loadedScripts(page: Page): Promise<{ url: string; text: string }[]> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => name.endsWith(".js") || name.includes(".js?")),
  );
  return Promise.all(urls.map(async (url) => ({ url, text: await (await page.request.get(url)).text() })));
}

// LiveKit's protocol messages are named "livekit.<Type>" in its bundle; no other page may carry them.
const livekitMarker = /livekit\.(SignalRequest|SignalResponse)/;

test("the marker finds the video SDK in the build, so its absence below means something", () => {
  const chunks = path.join(process.cwd(), ".next", "static", "chunks");
  const files = readdirSync(chunks, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".js"));
  expect(files.some((file) => livekitMarker.test(readFileSync(path.join(chunks, file), "utf8")))).toBe(true);
});

test("the video SDK loads only on the call page, not on the phone pages around it", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const patient = new PatientPages(page);
  await patient.signIn(freshPhone());
  await patient.register("Page Weight", "1999-09-09");

  for (const path of ["/sign-in", "/appointments", "/book", "/records"]) {
    await page.goto(path);
    const scripts = await loadedScripts(page);
    expect(scripts.length, path).toBeGreaterThan(0);
    const withLiveKit = scripts.filter((script) => livekitMarker.test(script.text)).map((script) => script.url);
    expect(withLiveKit, `${path} must not load livekit-client`).toEqual([]);
  }
});
