import { expect, test, type Browser } from "@playwright/test";
import postgres from "postgres";
import { DEMO_PASSWORD } from "../db/seed";
import { startFakeDhis2, type FakeDhis2 } from "../tests/support/fake-dhis2";
import { DESK, PHONE } from "./support/call-contexts";
import { TEST_PASSWORD, insertBookableDoctor } from "./support/accounts";
import { ClinicianPages } from "./support/pages";

// scripts/test.ts starts the app servers with DHIS2_BASE_URL pointing at this port and these
// test-only credentials; the fake must be the one listening there.
const PORT = Number(process.env.E2E_DHIS2_PORT ?? 18471);
const COCS = ["F", "M"].flatMap((sex) => ["UNDER_1", "1_4", "5_14", "15_49", "50_PLUS"].map((band) => `${sex}_${band}`));
const DEMO_ORG_UNIT = "PB_MZG_BHU_BM";

let fake: FakeDhis2;
test.beforeAll(async () => {
  fake = await startFakeDhis2({
    port: PORT,
    username: process.env.E2E_DHIS2_USERNAME ?? "rabta-e2e",
    password: process.env.E2E_DHIS2_PASSWORD ?? "test-only-dhis2-password",
    orgUnits: [DEMO_ORG_UNIT],
    dataElements: ["RBT_TELECONSULT", "RBT_REFERRALS", "RBT_EMERGENCY_REFERRALS", "RBT_AUDIO_ONLY_FALLBACKS", "RBT_NO_SHOWS", "RBT_DROPPED_CALLS"],
    categoryOptionCombos: COCS,
  });
});
const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(async () => {
  await fake?.close();
  await sql.end();
});

/**
 * This month's one certain consultation at the demo unit, so that the month sent is not all
 * zeros: its LHV registers a woman of 36 as a walk-in and sends her to a doctor, who admits her.
 */
async function aConsultationAtTheUnit(browser: Browser) {
  const doctor = await insertBookableDoctor(sql, "Dr. Monthly Return");
  const staffContext = await browser.newContext({ viewport: DESK });
  const staffPage = await staffContext.newPage();
  const staff = new ClinicianPages(staffPage);
  await staff.signIn("lhv@rabta.local", DEMO_PASSWORD, /\/host$/);
  const name = `Naseem Akhtar ${Date.now().toString(36)}`;
  await staff.registerWalkIn({ name, sex: "Female", dateOfBirth: `${new Date().getFullYear() - 36}-01-15` });
  await staffPage.getByLabel("Chief complaint").fill("Cough for two weeks");
  await staffPage.getByRole("radio", { name: /^Routine/ }).check();
  const sendTo = staffPage.getByLabel("Send to");
  await sendTo.selectOption(await sendTo.locator("option", { hasText: doctor.name }).getAttribute("value"));
  await staffPage.getByRole("button", { name: "Send to the queue" }).click();
  await staffPage.waitForURL(/\/host\/visits\/[0-9a-f-]{36}$/);
  const doctorContext = await browser.newContext({ viewport: DESK });
  const doctorPage = await doctorContext.newPage();
  await new ClinicianPages(doctorPage).signIn(doctor.email, TEST_PASSWORD);
  await expect(doctorPage.getByRole("row").filter({ hasText: name })).toContainText("Online");
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await doctorPage.waitForURL(/\/consult\/[0-9a-f-]{36}$/);
  await Promise.all([staffContext.close(), doctorContext.close()]);
}

/** This month as a month input shows it, on the clinic's calendar (Asia/Karachi, UTC+5). */
const thisMonthInput = () => new Date(Date.now() + 5 * 60 * 60_000).toISOString().slice(0, 7);

test("the district officer previews a month for the demo unit, sends it, and sees DHIS2 import it; the page in Urdu on a phone", async ({ browser }, testInfo) => {
  await aConsultationAtTheUnit(browser);
  const context = await browser.newContext({ viewport: DESK });
  const page = await context.newPage();
  await new ClinicianPages(page).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await page.getByRole("link", { name: "Reports to DHIS2" }).click();
  await page.waitForURL(/\/dhis2$/);
  await expect(page.getByTestId("dhis2-not-configured")).toHaveCount(0);

  const month = thisMonthInput();
  const periodId = month.replace("-", "");
  await page.getByLabel("Facility").selectOption({ label: "BHU Basti Malook" });
  await page.getByLabel("Month", { exact: true }).fill(month);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("dhis2-preview");
  await expect(preview).toBeVisible();
  await expect(page.getByRole("heading", { name: `BHU Basti Malook, ${periodId}: what DHIS2 will receive` })).toBeVisible();
  await expect(page.getByText(DEMO_ORG_UNIT)).toBeVisible();
  const womenRow = preview.getByRole("row").filter({ hasText: "Consultations, female, 15–49 years" });
  await expect(womenRow).toContainText("RBT_TELECONSULT");
  await expect(womenRow).toContainText("F_15_49");
  await expect(preview.getByRole("row").filter({ hasText: "Referrals written" })).toContainText("default");
  // She is among them: the month is not a month of zeros.
  expect(Number((await womenRow.locator("td").nth(3).textContent())?.trim()), "women 15–49 seen this month").toBeGreaterThanOrEqual(1);

  // What the officer saw, cell by cell, is what DHIS2 must receive.
  const shown = await preview.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")].map((cell) => cell.textContent?.trim() ?? "");
      return { dataElement: cells[1], categoryOptionCombo: cells[2], value: cells[3] };
    }),
  );
  expect(shown).toHaveLength(15);
  await testInfo.attach("DHIS2 preview (English, desktop)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  const before = fake.requests.length;
  await page.getByRole("button", { name: "Send to DHIS2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Send queued" })).toBeVisible();
  const row = page.getByTestId("dhis2-send").filter({ hasText: "BHU Basti Malook" }).filter({ hasText: periodId }).first();
  // The worker inside the app server sends it; the history refreshes itself while it waits.
  await expect(row).toContainText("Imported", { timeout: 60_000 });
  await expect(row).toContainText("15 / 0 / 0");
  await expect(row).toContainText("None");

  const received = fake.requests.slice(before).find((request) => (request.body as { orgUnit?: string } | undefined)?.orgUnit === DEMO_ORG_UNIT);
  expect(received, "the fake DHIS2 received the unit's data value set").toBeTruthy();
  expect(received!.url).toContain("idScheme=CODE");
  expect(received!.url).toContain("dryRun=false");
  const body = received!.body as { period: string; dataValues: { dataElement: string; categoryOptionCombo?: string; value: string }[] };
  expect(body.period).toBe(periodId);
  expect(body.dataValues.map((v) => ({ dataElement: v.dataElement, categoryOptionCombo: v.categoryOptionCombo ?? "default", value: v.value }))).toEqual(shown);
  await testInfo.attach("DHIS2 send imported (English, desktop)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await context.close();

  // The same page in Urdu at 360 px: right to left, and only the tables scroll sideways.
  const phone = await browser.newContext({ viewport: PHONE });
  const phonePage = await phone.newPage();
  await new ClinicianPages(phonePage).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await phone.addCookies([{ name: "NEXT_LOCALE", value: "ur", url: phonePage.url() }]);
  await phonePage.goto("/dhis2");
  await expect(phonePage.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(phonePage.getByRole("heading", { name: "DHIS2 کو رپورٹیں", level: 1 })).toBeVisible();
  await phonePage.getByLabel("مرکزِ صحت").selectOption({ label: "BHU Basti Malook" });
  await phonePage.getByLabel("مہینہ", { exact: true }).fill(month);
  await phonePage.getByRole("button", { name: "پہلے دیکھیں" }).click();
  await expect(phonePage.getByTestId("dhis2-preview")).toContainText("مشورے، خواتین، 15 تا 49 سال");
  await expect(phonePage.getByTestId("dhis2-send").filter({ hasText: periodId }).first()).toContainText("درج ہو گئی");
  const sendButton = phonePage.getByRole("button", { name: "DHIS2 کو بھیجیں" });
  await sendButton.scrollIntoViewIfNeeded();
  const box = (await sendButton.boundingBox())!;
  expect(box.x, "the send button is on screen").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.height, "the send button is big enough to tap").toBeGreaterThanOrEqual(40);
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page itself does not scroll sideways at 360 px (tables scroll in their own box)").toBeLessThanOrEqual(1);
  await testInfo.attach("DHIS2 page (Urdu, 360 px)", { body: await phonePage.screenshot({ fullPage: true }), contentType: "image/png" });
  await phone.close();
});
