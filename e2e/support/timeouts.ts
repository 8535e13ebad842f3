/**
 * How long a web-first assertion waits, in the suite (playwright.config.ts) and wherever the
 * page objects run outside it (bench/join). Outside the test runner Playwright's `expect` falls
 * back to its own 5 s, so a bench on a busy machine failed where the suite would have waited.
 */
export const EXPECT_TIMEOUT_MS = 15_000;
