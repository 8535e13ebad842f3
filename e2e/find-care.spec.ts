import { devices, expect, test, type Page } from "@playwright/test";
import { PatientPages, freshPhone } from "./support/pages";

// The seeded clinicians (db/seed.ts): two women and a man in three specialties.
const AYESHA = "Dr. Ayesha Khan"; // female, general practice, Urdu/English/Punjabi
const IMRAN = "Dr. Imran Qureshi"; // male, child health, Urdu/English/Pashto
const FARAH = "Dr. Farah Naz"; // female, women's health, Urdu/Sindhi/English
const WOMENS_HEALTH = "Women's health and pregnancy";

const phone = { width: 360, height: 740 };
const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
test.use({ ...pixel, viewport: phone, screen: phone });

/** Phone-first: nothing may make the page scroll sideways at 360 px. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

test("a patient narrows the list to female gynaecologists, then books the earliest time in three taps from home", async ({ page }) => {
  const patient = new PatientPages(page);
  await patient.signIn(freshPhone());
  await patient.register("Rukhsana Bibi", "1996-02-14");

  await patient.openHome();
  await patient.openFindCare();
  for (const name of [AYESHA, IMRAN, FARAH]) await expect(patient.careOption(name)).toBeVisible();

  await patient.filterCare({ femaleOnly: true });
  await expect(patient.careOption(AYESHA)).toBeVisible();
  await expect(patient.careOption(FARAH)).toBeVisible();
  await expect(patient.careOption(IMRAN)).toHaveCount(0);

  await patient.filterCare({ specialty: WOMENS_HEALTH });
  await expect(patient.careOptions()).toHaveCount(1);
  const farah = patient.careOption(FARAH);
  await expect(farah).toContainText(WOMENS_HEALTH);
  await expect(farah).toContainText("Sindhi");
  await expect(farah).toContainText("DHQ Hospital Muzaffargarh");
  await expect(farah.getByText(/^Earliest: /)).toBeVisible();
  await expect(farah.getByRole("link", { name: `Other times with ${FARAH}` })).toHaveAttribute("href", /^\/book\/[0-9a-f-]{36}$/);
  await expectNoSidewaysScroll(page);

  // The filters live in the URL: a reload shows the same choice and the same list.
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Female doctor" })).toBeChecked();
  await expect(page.getByLabel("Specialty")).toHaveValue("gynaecology");
  await expect(patient.careOptions()).toHaveCount(1);

  await patient.filterCare({ specialty: "All specialties", femaleOnly: false, language: "Pashto" });
  await expect(patient.careOptions()).toHaveCount(1);
  await expect(patient.careOption(IMRAN)).toBeVisible();

  // Home → "Book a doctor" (tap 1) → "Book earliest" (tap 2) → confirmation.
  await patient.openHome();
  await page.getByRole("link", { name: "Book a doctor" }).click();
  const earliest = (await patient.careOption(FARAH).getByText(/^Earliest: /).textContent())!;
  const time = earliest.match(/\d{1,2}:\d{2}/)![0];
  await patient.careOption(FARAH).getByRole("button", { name: /^Book earliest/ }).click();
  await expect(page).toHaveURL(/\/appointments\?booked=1$/);
  await expect(page.getByText("Your appointment is booked.")).toBeVisible();
  const booking = page.getByRole("listitem").filter({ hasText: FARAH });
  await expect(booking).toHaveCount(1);
  await expect(booking).toContainText(time);
  await expectNoSidewaysScroll(page);
});

test("with family on the phone, 'For whom?' is on the list and the earliest time goes to the one chosen", async ({ page }) => {
  const patient = new PatientPages(page);
  const child = { name: "Zainab Akbar", relation: "Child", sex: "Female" as const, dateOfBirth: "2020-01-19" };
  await patient.signIn(freshPhone());
  await patient.register("Akbar Hussain", "1986-07-07");
  await patient.openFamily();
  await patient.addFamilyMember(child);

  await patient.openHome();
  await patient.openFindCare();
  await expect(patient.forWhomOption("Akbar Hussain")).toBeChecked();
  await patient.forWhomOption(child.name).check();
  await patient.bookEarliestWith(AYESHA);

  const booking = page.getByRole("listitem").filter({ hasText: AYESHA });
  await expect(booking).toHaveCount(1);
  await expect(booking).toContainText(`For ${child.name}`);
});
