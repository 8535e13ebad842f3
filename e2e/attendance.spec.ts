import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed";
import { PHONE } from "./support/call-contexts";
import { ClinicianPages } from "./support/pages";

// The demo health unit's recorded point (db/seed.ts), and a point 0.00054° (about 60 m) north.
const UNIT = { latitude: 30.0421, longitude: 71.2405 };

test("the LHV checks in on the unit's tablet: the distance is kept, and a check far away is recorded as outside", async ({ browser }, testInfo) => {
  const context = await browser.newContext({
    viewport: PHONE,
    geolocation: { latitude: UNIT.latitude + 0.00054, longitude: UNIT.longitude, accuracy: 20 },
    permissions: ["geolocation"],
  });
  const page = await context.newPage();
  await new ClinicianPages(page).signIn("lhv@rabta.local", DEMO_PASSWORD, /\/host$/);
  await page.getByRole("link", { name: "Attendance" }).click();
  await page.waitForURL(/\/attendance$/);
  await page.getByRole("button", { name: "Check in" }).click();
  await expect(page.getByTestId("check-result")).toHaveText(/^Check in recorded, (59|60|61) m from the facility\.$/);
  await expect(page.getByTestId("todays-checks")).toContainText("at the facility");

  // Three kilometres away, the check is still recorded, as outside the facility's area.
  await context.setGeolocation({ latitude: UNIT.latitude + 0.027, longitude: UNIT.longitude, accuracy: 20 });
  await page.getByRole("button", { name: "Check out" }).click();
  await expect(page.getByTestId("check-result")).toContainText("outside its area");

  await context.addCookies([{ name: "NEXT_LOCALE", value: "ur", url: page.url() }]);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("todays-checks")).toContainText("مرکز کے علاقے سے باہر");
  await testInfo.attach("attendance check-in (Urdu, 360 px)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await context.close();
});
