import { devices, expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";

const DOCTOR = "Dr. Ayesha Khan";
const phone = { width: 360, height: 740 };
const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
test.use({ ...pixel, viewport: phone, screen: phone });

/** Phone-first: nothing may make the page scroll sideways at 360 px. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

test("a parent adds a child on their phone and books the doctor for the child", async ({ page }) => {
  const patient = new PatientPages(page);
  const parent = { name: "Sadia Parveen", dateOfBirth: "1990-03-21" };
  const child = { name: "Bilal Ahmed", relation: "Child", sex: "Male" as const, dateOfBirth: "2019-08-05" };

  await patient.signIn(freshPhone());
  const parentMrId = await patient.register(parent.name, parent.dateOfBirth);

  await patient.openFamily();
  await expect(patient.familyMember(parent.name)).toContainText("You");
  const childMrId = await patient.addFamilyMember(child);
  expect(childMrId).toMatch(/^\d{4}-\d{4}-\d{2}$/);
  expect(childMrId).not.toBe(parentMrId);
  await expect(patient.familyMember(child.name)).toContainText(child.relation);
  await expectNoSidewaysScroll(page);

  await patient.openHome();
  await patient.bookFirstSlotWith(DOCTOR, child.name);

  const booking = page.getByRole("listitem").filter({ hasText: DOCTOR });
  await expect(booking).toHaveCount(1);
  await expect(booking).toContainText(`For ${child.name}`);
  await expect(booking).not.toContainText(parent.name);
  await expectNoSidewaysScroll(page);
});

test("'For whom?' starts on the account holder and is absent with only one patient", async ({ page }) => {
  const patient = new PatientPages(page);
  await patient.signIn(freshPhone());
  await patient.register("Kamran Yousaf", "1975-12-01");

  await patient.openFindCare();
  await patient.openClinician(DOCTOR);
  await expect(page.getByRole("button", { name: /^Book / }).first()).toBeVisible();
  await expect(page.getByRole("group", { name: "For whom?" })).toHaveCount(0);

  await patient.openHome();
  await patient.openFamily();
  await patient.addFamilyMember({ name: "Shamim Akhtar", relation: "Parent", sex: "Female", dateOfBirth: "1948-02-10" });
  await patient.openHome();
  await patient.openFindCare();
  await patient.openClinician(DOCTOR);
  await expect(patient.forWhomOption("Kamran Yousaf")).toBeChecked();
  await expect(patient.forWhomOption("Shamim Akhtar")).not.toBeChecked();
  await expectNoSidewaysScroll(page);
});

test("a parent books for a child, moves the time, cancels with a reason, and the doctor sees both changes", async ({ page, browser }) => {
  const patient = new PatientPages(page);
  const child = { name: "Hira Naveed", relation: "Child", sex: "Female" as const, dateOfBirth: "2017-04-11" };
  await patient.signIn(freshPhone());
  await patient.register("Naveed Iqbal", "1984-06-30");
  await patient.openFamily();
  await patient.addFamilyMember(child);
  await patient.openHome();

  // A slot a few hours ahead: patients may change a booking up to an hour before it.
  await patient.openFindCare();
  await patient.openClinician(DOCTOR);
  await patient.forWhomOption(child.name).check();
  await page.getByRole("button", { name: /^Book / }).nth(12).click();
  await expect(page.getByText("Your appointment is booked.")).toBeVisible();
  const booking = page.getByRole("listitem").filter({ hasText: DOCTOR });
  await expect(booking).toContainText(`For ${child.name}`);

  await booking.getByRole("link", { name: "Change time" }).click();
  await expect(page.getByRole("heading", { name: `Choose a new time for ${child.name}` })).toBeVisible();
  await page.getByRole("button", { name: /^Book / }).nth(16).click();
  await expect(page.getByText("Your appointment has been moved.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: DOCTOR })).toHaveCount(1);

  const moved = page.getByRole("listitem").filter({ hasText: DOCTOR });
  await moved.getByText("Cancel appointment").click();
  await moved.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(moved.getByRole("alert")).toHaveText("Choose a reason.");
  await moved.getByRole("radio", { name: "I feel better" }).check();
  await moved.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByText("Your appointment is cancelled.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: DOCTOR })).toHaveCount(0);

  const doctorContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });
  const doctorPage = await doctorContext.newPage();
  await new ClinicianPages(doctorPage).signIn("doctor@rabta.local", DEMO_PASSWORD);
  const changes = doctorPage.locator('li[data-status="cancelled"]').filter({ hasText: child.name });
  await expect(changes).toHaveCount(2);
  await doctorContext.close();
});
