import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { TEST_PASSWORD, insertDoctor } from "./support/accounts";
import { ClinicianPages } from "./support/pages";

const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

// A doctor of its own: the demo clinicians' profiles are what the find-care specs filter on.
test("a doctor sets their profile, sees it after a reload, and new sessions start at the specialty's slot length", async ({ page }) => {
  const { email } = await insertDoctor(sql, "Dr. Profile Test", "profile");
  const password = TEST_PASSWORD;

  await new ClinicianPages(page).signIn(email, password);
  await page.getByRole("link", { name: "My profile" }).click();
  await expect(page.getByRole("heading", { name: "My profile", level: 1 })).toBeVisible();

  const sex = page.getByRole("group", { name: "Sex" });
  const languages = page.getByRole("group", { name: "Languages you consult in" });
  const specialty = page.getByRole("combobox", { name: /^Specialty/ });
  await sex.getByRole("radio", { name: "Female", exact: true }).check();
  await specialty.selectOption({ label: "Child health" });
  await languages.getByRole("checkbox", { name: "Urdu", exact: true }).check();
  await languages.getByRole("checkbox", { name: "Pashto", exact: true }).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Your profile is saved.");

  await page.reload();
  await expect(sex.getByRole("radio", { name: "Female", exact: true })).toBeChecked();
  await expect(specialty).toHaveValue("paediatrics");
  await expect(languages.getByRole("checkbox", { name: "Urdu", exact: true })).toBeChecked();
  await expect(languages.getByRole("checkbox", { name: "Pashto", exact: true })).toBeChecked();
  await expect(languages.getByRole("checkbox", { name: "English", exact: true })).not.toBeChecked();

  // No own slot length was given, so a new session is cut into Child health's 20-minute slots.
  await page.goto("/availability");
  const monday = page.getByRole("form", { name: "Add a session on Monday" });
  await expect(monday.getByLabel("Slot length (minutes)")).toHaveValue("20");
});
