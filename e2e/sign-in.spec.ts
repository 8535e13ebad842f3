import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { TEST_PASSWORD, insertDoctor } from "./support/accounts";
import { ClinicianPages, PatientPages, codeFromOutbox, freshPhone } from "./support/pages";

const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

test("a changed role and a disabled account take effect on the next request, not at token expiry", async ({ page }) => {
  const user = await insertDoctor(sql, "Dr. Short Lived");
  const { email } = user;
  const password = TEST_PASSWORD;

  await new ClinicianPages(page).signIn(email, password);
  await expect(page.getByRole("heading", { name: "Waiting patients" })).toBeVisible();

  await sql`update users set role = 'rhu_staff' where id = ${user!.id}`;
  await page.reload();
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  await sql`update users set disabled_at = now() where id = ${user!.id}`;
  await page.goto("/queue");
  await page.waitForURL("**/sign-in");
  // With the Origin our call page sends, so that only the disabled account can be the reason.
  const origin = new URL(page.url()).origin;
  const token = await page.request.post("/api/consultations/00000000-0000-4000-8000-000000000000/token", { headers: { origin } });
  expect(token.status()).toBe(401);
});

test("a wrong staff password is refused at the form and keeps the email typed", async ({ page }) => {
  await page.goto("/sign-in/staff");
  await page.getByLabel("Email").fill("doctor@rabta.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is not right.");
  await expect(page.getByLabel("Email")).toHaveValue("doctor@rabta.local");
});

test("a wrong SMS code is refused at the code field, and the right one still works after", async ({ page }) => {
  const patient = new PatientPages(page);
  const phone = freshPhone();
  await patient.requestCode(phone.local);
  const code = await codeFromOutbox(page, phone.e164);
  await patient.enterCode(code === "000000" ? "111111" : "000000");
  // The message belongs to the code field itself (aria-describedby), not a banner.
  await expect(page.getByLabel("6-digit code")).toHaveAccessibleDescription("That code is not right. Check the SMS and try again.");
  await expect(page.getByLabel("6-digit code")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Mobile number")).toHaveValue(phone.local);
  await patient.enterCode(code);
  await expect(page.getByRole("heading", { name: "Register" })).toBeVisible();
});
