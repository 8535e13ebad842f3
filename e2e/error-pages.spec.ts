import { randomUUID } from "node:crypto";
import { devices, expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { TEST_PASSWORD, insertDoctor } from "./support/accounts";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";

// A page that is missing, or someone else's, says so in the reader's language on a phone, with
// a way home, in every part of the site (each route group has its own not-found boundary).
// The error boundaries are not driven here: nothing in the product can be made to throw on
// purpose without a switch that production would carry too.
const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

const phone = { width: 360, height: 740 };
const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
test.use({ ...pixel, viewport: phone, screen: phone });

async function readInUrdu(page: Page) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ur", url: page.url() }]);
}

async function expectUrduNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { name: "نہیں ملا" })).toBeInViewport();
  await expect(page.getByText("یہ صفحہ موجود نہیں، یا آپ اسے نہیں دیکھ سکتے۔")).toBeVisible();
  const home = page.getByRole("link", { name: "ہوم پر جائیں" });
  await expect(home).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(phone.width);
  await test.info().attach(`not found in Urdu at 360 px: ${path}`, { body: await page.screenshot(), contentType: "image/png" });
  return home;
}

test("a visitor on an address that does not exist is told so in Urdu and can go home", async ({ page }) => {
  await page.goto("/sign-in");
  await readInUrdu(page);
  // Under /sign-in, because any other address sends a visitor without a session to sign in first.
  const home = await expectUrduNotFound(page, "/sign-in/no-such-page");
  await home.click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a patient's missing record says not found in Urdu, and home leads back to their appointments", async ({ page }) => {
  const patient = new PatientPages(page);
  await patient.signIn(freshPhone());
  await patient.register("Nadia Gul", "1992-11-02");
  await readInUrdu(page);
  const home = await expectUrduNotFound(page, `/records/${randomUUID()}`);
  await home.click();
  await expect(page).toHaveURL(/\/appointments/);
});

test("a clinician's missing booking and missing call say not found in Urdu with a way home", async ({ page }) => {
  const doctor = await insertDoctor(sql, "Dr. Missing Pages", "missing-pages");
  await new ClinicianPages(page).signIn(doctor.email, TEST_PASSWORD);
  await readInUrdu(page);
  await expectUrduNotFound(page, `/appointments/${randomUUID()}/move`);
  const home = await expectUrduNotFound(page, `/consult/${randomUUID()}`);
  await home.click();
  await expect(page).toHaveURL(/\/queue/);
});
