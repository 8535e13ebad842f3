import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { DEMO_PASSWORD } from "../db/seed";
import { formatMrId } from "../lib/mrid/mrid";
import { insertBookableDoctor } from "./support/accounts";
import { PHONE, DESK } from "./support/call-contexts";
import { ClinicianPages } from "./support/pages";

const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

const MINUTE = 60_000;
/** A datetime-local value in the clinic's zone (Asia/Karachi, UTC+5 all year). */
const clinicInput = (at: Date) => new Date(at.getTime() + 5 * 60 * MINUTE).toISOString().slice(0, 16);

test("an emergency triaged at a health unit opens a referral the facility follows up and the district sees open, in Urdu on a phone", async ({ browser }, testInfo) => {
  const doctor = await insertBookableDoctor(sql, "Dr. Emergency Desk");
  const staffContext = await browser.newContext({ viewport: DESK });
  const staffPage = await staffContext.newPage();
  const staff = new ClinicianPages(staffPage);
  await staff.signIn("lhv@rabta.local", DEMO_PASSWORD, /\/host$/);

  // The LHV registers a walk-in and triages her as an emergency.
  const name = `Kalsoom Bibi ${Date.now().toString(36)}`;
  await staff.registerWalkIn({ name, sex: "Female", dateOfBirth: "1996-08-09" });
  // The unit's glucometer is out of order (demo data): the form leaves glucose out and says why.
  await expect(staffPage.getByTestId("not-measurable")).toContainText("Glucometer");
  await expect(staffPage.getByLabel("Blood glucose")).toHaveCount(0);
  await expect(staffPage.getByLabel("Pulse")).toBeVisible();
  await staffPage.getByLabel("Chief complaint").fill("Heavy bleeding two hours after delivery at home");
  await staffPage.getByRole("radio", { name: /^Emergency/ }).check();
  await expect(staffPage.getByText(/Emergency: refer to hospital now/)).toBeVisible();
  const sendTo = staffPage.getByLabel("Send to");
  await sendTo.selectOption(await sendTo.locator("option", { hasText: doctor.name }).getAttribute("value"));
  await staffPage.getByRole("button", { name: "Send to the queue" }).click();
  await staffPage.waitForURL(/\/host\/visits\/[0-9a-f-]{36}$/);
  const consultationId = staffPage.url().split("/host/visits/")[1]!;
  const [referral] = await sql`select r.id, p.mr_id from emergency_referrals r join patients p on p.id = r.patient_id where r.consultation_id = ${consultationId}`;
  expect(referral, "the triage opened an emergency referral").toBeTruthy();
  const mrId = formatMrId(referral!.mr_id as string);

  // The facility records the transport; a departure before the call is refused at its field,
  // with everything typed kept.
  await staffPage.goto("/host");
  await staffPage.getByRole("link", { name: "Emergency referrals" }).click();
  const card = staffPage.getByTestId("emergency-referral").filter({ hasText: name });
  await expect(card).toContainText("Open");
  // Transport is called as soon as she is triaged.
  const called = new Date();
  await card.getByLabel("Sent to (hospital)").selectOption({ label: "DHQ Hospital Muzaffargarh" });
  await card.getByLabel("Transport", { exact: true }).selectOption({ label: "Rescue 1122 ambulance" });
  await card.getByLabel("Transport called at").fill(clinicInput(called));
  await card.getByLabel("Left the facility at").fill(clinicInput(new Date(called.getTime() - 5 * MINUTE)));
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByText("The patient cannot have left before transport was called.")).toBeVisible();
  await expect(card.getByLabel("Transport called at")).toHaveValue(clinicInput(called));
  await expect(card.getByLabel("Transport", { exact: true })).toHaveValue("rescue_1122");
  await expect(card.getByLabel("Sent to (hospital)")).not.toHaveValue("");
  await card.getByLabel("Left the facility at").fill("");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved.");
  await testInfo.attach("facility, emergency referral form (English, desktop)", { body: await staffPage.screenshot({ fullPage: true }), contentType: "image/png" });

  // The district office, on a phone in Urdu, sees it open with the transport called.
  const officeContext = await browser.newContext({ viewport: PHONE });
  const officePage = await officeContext.newPage();
  await new ClinicianPages(officePage).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await officeContext.addCookies([{ name: "NEXT_LOCALE", value: "ur", url: officePage.url() }]);
  await officePage.goto("/emergencies");
  await expect(officePage.locator("html")).toHaveAttribute("dir", "rtl");
  const row = officePage.getByTestId("open-emergencies").getByRole("row").filter({ hasText: mrId });
  await expect(row).toContainText("BHU Basti Malook");
  await expect(row).toContainText("ریسکیو 1122 ایمبولینس");
  await expect(officePage.getByTestId("emergency-response-times")).toContainText("BHU Basti Malook");
  const overflow = await officePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page itself does not scroll sideways at 360 px (wide tables scroll in their own box)").toBeLessThanOrEqual(1);
  await testInfo.attach("district, open emergencies (Urdu, 360 px)", { body: await officePage.screenshot({ fullPage: true }), contentType: "image/png" });

  // The outcome closes it: it leaves the district's open list.
  await card.getByLabel("Outcome", { exact: true }).selectOption({ label: "Admitted" });
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card).toContainText("Admitted");
  await officePage.reload();
  await expect(officePage.getByTestId("open-emergencies").getByRole("row").filter({ hasText: mrId })).toHaveCount(0);

  await Promise.all([staffContext.close(), officeContext.close()]);
});
