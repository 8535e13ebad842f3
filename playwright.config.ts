import { defineConfig } from "@playwright/test";
import { EXPECT_TIMEOUT_MS } from "./e2e/support/timeouts";

// scripts/test.ts starts the whole stack (database, LiveKit, `next start`) before Playwright,
// so there is no webServer block here.
export default defineConfig({
  testDir: "e2e",
  // The flows share one seeded database and one LiveKit server; running them in turn keeps
  // appointment slots and room state predictable.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: EXPECT_TIMEOUT_MS },
  // scripts/test.ts counts results from the json file. The HTML report keeps each test's
  // screenshots (what each side of a call saw) and traces; `npx playwright show-report
  // .data/test-results/playwright-report` opens it.
  reporter: [
    ["list"],
    ["json", { outputFile: ".data/test-results/playwright.json" }],
    ["html", { outputFolder: ".data/test-results/playwright-report", open: "never" }],
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100",
    trace: "retain-on-failure",
    locale: "en-US",
    // Clinics are in Pakistan; slot times must render as they would there.
    timezoneId: "Asia/Karachi",
    launchOptions: {
      // Debian's chromium package, so no browser download is needed.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        // Consultations need a camera and microphone: grant them and feed synthetic media.
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        // Both call participants and LiveKit are on 127.0.0.1.
        "--allow-loopback-in-peer-connection",
        // Chromium's sandbox cannot start as root, which is how CI runs.
        "--no-sandbox",
        // Nothing may reach the network: no updates, sync, or first-run pings.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
        "--disable-quic",
      ],
    },
  },
});
