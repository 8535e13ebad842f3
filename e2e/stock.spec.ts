import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { DEMO_PASSWORD } from "../db/seed";
import { newVerificationCode } from "../lib/records/documents/verification-code";
import { DESK, PHONE } from "./support/call-contexts";
import { ClinicianPages } from "./support/pages";

const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

const LHV = "00000000-0000-4000-8000-000000000002";
const DOCTOR = "00000000-0000-4000-8000-000000000003";
const MEDICINE = "Rabies vaccine 1 dose Injection";

/**
 * A prescription of the rabies vaccine for the demo patient, as a consultation would have
 * issued it: one dose a day for 10 days (the course is 10 vials). Test data, written the way
 * prescribe() writes it, so that the counter has something to scan.
 */
async function rabiesPrescription(): Promise<string> {
  const [patient] = await sql`select id from patients where full_name = 'Amina Bibi' order by created_at limit 1`;
  const [encounter] = await sql`insert into encounters (patient_id, kind) values (${patient!.id}, 'rhu_visit') returning id`;
  const code = newVerificationCode();
  const [rx] = await sql`insert into prescriptions (patient_id, encounter_id, prescriber_id, verification_code) values (${patient!.id}, ${encounter!.id}, ${DOCTOR}, ${code}) returning id`;
  await sql`insert into prescription_items (prescription_id, position, medicine_code, dose, frequency_code, duration_value, duration_unit) values (${rx!.id}, 0, 'rabies-vaccine-inj', '1', 'od', 10, 'days')`;
  return code;
}

test("a health unit records a delivery, dispenses a scanned prescription once, and the district sees the stock-out, in Urdu on a phone", async ({ browser }, testInfo) => {
  // Nothing of this medicine left over from an earlier run of the suite on this database.
  const [facility] = await sql`select facility_id from users where id = ${LHV}`;
  const [{ on_hand: before }] = (await sql`select coalesce(sum(quantity), 0)::int as on_hand from stock_movements where facility_id = ${facility!.facility_id} and medicine_code = 'rabies-vaccine-inj'`) as unknown as [{ on_hand: number }];

  const staffContext = await browser.newContext({ viewport: DESK });
  const staffPage = await staffContext.newPage();
  await new ClinicianPages(staffPage).signIn("lhv@rabta.local", DEMO_PASSWORD, /\/host$/);
  await staffPage.getByRole("link", { name: "Medicine stock" }).click();
  await staffPage.waitForURL(/\/stock\/[0-9a-f-]{36}$/);
  await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText("BHU Basti Malook: medicine stock");

  // A delivery without its quantity is refused at the field, keeping the medicine chosen.
  const delivery = staffPage.getByRole("form", { name: "Record a delivery" });
  await delivery.getByLabel("Medicine").selectOption({ label: MEDICINE });
  await delivery.getByLabel("Batch number (optional)").fill("RV-2611");
  await delivery.getByRole("button", { name: "Record" }).click();
  await expect(delivery.getByText("Enter a whole number of units, 1 or more.")).toBeVisible();
  await expect(delivery.getByLabel("Medicine")).toHaveValue("rabies-vaccine-inj");
  await expect(delivery.getByLabel("Batch number (optional)")).toHaveValue("RV-2611");
  await delivery.getByLabel("Quantity (units)").fill("10");
  await delivery.getByRole("button", { name: "Record" }).click();
  await expect(delivery.getByRole("status")).toHaveText("Recorded.");
  const row = staffPage.getByTestId("stock-table").locator('tr[data-medicine="rabies-vaccine-inj"]');
  await expect(row.getByTestId("on-hand")).toHaveText(String(before + 10));

  // Whatever an earlier run left is taken out first, so that the course takes the last vials.
  if (before > 0) {
    const adjust = staffPage.getByRole("form", { name: "Adjust a count" });
    await adjust.getByLabel("Medicine").selectOption({ label: MEDICINE });
    await adjust.getByLabel("Change").selectOption({ label: "Take out of stock" });
    await adjust.getByLabel("Quantity (units)").fill(String(before));
    await adjust.getByLabel("Reason").selectOption({ label: "Count differs from the ledger" });
    await adjust.getByRole("button", { name: "Record" }).click();
    await expect(row.getByTestId("on-hand")).toHaveText("10");
  }

  // The counter scans a prescription: the course needs 10 and 10 are on hand.
  const code = await rabiesPrescription();
  await staffPage.goto(`/verify/${code}`);
  const counter = staffPage.getByRole("form", { name: "Dispense at BHU Basti Malook" });
  await expect(counter).toContainText("10 on hand here");
  await expect(counter).toContainText("Course needs about 10");
  await expect(counter.getByLabel("Quantity handed over")).toHaveValue("10");
  await counter.getByRole("button", { name: "Dispense" }).click();
  await expect(counter.getByRole("status").first()).toHaveText("Dispensed. Stock here has been reduced.");
  await testInfo.attach("counter, prescription dispensed (English, desktop)", { body: await staffPage.screenshot({ fullPage: true }), contentType: "image/png" });
  // Scanned again, it cannot go out twice.
  await staffPage.reload();
  await expect(staffPage.getByText("Every line of this prescription has been dispensed.")).toBeVisible();
  await expect(staffPage.getByRole("button", { name: "Dispense" })).toHaveCount(0);
  await staffPage.goto("/stock");
  await expect(row.getByTestId("on-hand")).toHaveText("0");
  await expect(row).toContainText("Out of stock");
  await expect(staffPage.getByTestId("stock-ledger")).toContainText("Dispensed");

  // The district office, on a phone in Urdu, sees the stock-out and opens the facility's stock.
  const officeContext = await browser.newContext({ viewport: PHONE });
  const officePage = await officeContext.newPage();
  await new ClinicianPages(officePage).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await officeContext.addCookies([{ name: "NEXT_LOCALE", value: "ur", url: officePage.url() }]);
  await officePage.goto("/stock");
  await expect(officePage.locator("html")).toHaveAttribute("dir", "rtl");
  const alert = officePage.getByTestId("stock-alerts").getByRole("listitem").filter({ hasText: MEDICINE });
  await expect(alert).toContainText("اسٹاک ختم");
  await expect(alert).toContainText("BHU Basti Malook");
  const box = await alert.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= PHONE.width + 1, "the alert fits the phone's width").toBe(true);
  const overflow = await officePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page itself does not scroll sideways at 360 px").toBeLessThanOrEqual(1);
  await testInfo.attach("district, stock alerts (Urdu, 360 px)", { body: await officePage.screenshot({ fullPage: true }), contentType: "image/png" });
  await alert.getByRole("link").click();
  await officePage.waitForURL(/\/stock\/[0-9a-f-]{36}$/);
  await expect(officePage.getByTestId("stock-table").locator('tr[data-medicine="rabies-vaccine-inj"]')).toContainText("اسٹاک ختم");

  // The dashboard counts it among this month's stock-outs at the unit.
  await officePage.goto("/district?group=facility");
  const unitRow = officePage.getByTestId("operations-table").locator("tr").filter({ hasText: "BHU Basti Malook" });
  const outs = Number(await unitRow.locator("[data-stock-outs]").getAttribute("data-stock-outs"));
  expect(outs, "stock-outs at the unit this month").toBeGreaterThanOrEqual(1);
  await expect(officePage.getByTestId("operations-headline")).toContainText("ختم ہونے والی ادویات");
  expect(await officePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), "the dashboard does not scroll sideways at 360 px").toBeLessThanOrEqual(1);
  await testInfo.attach("district dashboard, how the facilities ran (Urdu, 360 px)", {
    body: await officePage.getByRole("region", { name: "مراکز کی کارکردگی" }).screenshot(),
    contentType: "image/png",
  });

  await staffContext.close();
  await officeContext.close();
});
