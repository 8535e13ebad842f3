import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed";

async function staffSignIn(page: import("@playwright/test").Page, email: string) {
  await page.goto("/sign-in/staff");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

test("RHU staff book for a patient found by phone, and the doctor moves the booking to another time", async ({ browser }) => {
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const staff = await staffContext.newPage();
  await staffSignIn(staff, "lhv@rabta.local");
  await staff.getByRole("link", { name: "Find a patient" }).click();
  await staff.getByLabel("MR ID, CNIC or mobile number").fill("0300-1234567");
  await staff.getByRole("button", { name: "Search" }).click();
  await staff.getByRole("listitem").filter({ hasText: "Amina Bibi" }).getByRole("link", { name: "Book an appointment" }).click();
  await expect(staff.getByRole("heading", { name: "Book for Amina Bibi" })).toBeVisible();
  await staff.getByRole("link", { name: "Dr. Farah Naz" }).click();
  await staff.getByRole("button", { name: /^Book / }).first().click();
  await expect(staff.getByText("The appointment is booked; the patient gets an SMS.")).toBeVisible();
  await staffContext.close();

  const doctorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const doctor = await doctorContext.newPage();
  await staffSignIn(doctor, "gynae@rabta.local");
  await doctor.waitForURL("**/queue");
  const booking = doctor.locator('li[data-status="booked"]').filter({ hasText: "Amina Bibi" });
  await expect(booking).toHaveCount(1);
  await booking.getByRole("link", { name: "Move: Amina Bibi" }).click();
  await expect(doctor.getByRole("heading", { name: "Move Amina Bibi's appointment" })).toBeVisible();
  await doctor.getByRole("button", { name: /^Book / }).nth(3).click();
  await expect(doctor.getByText("The appointment is moved; the patient gets an SMS.")).toBeVisible();
  await expect(doctor.locator('li[data-status="cancelled"]').filter({ hasText: "Amina Bibi" })).toHaveCount(1);
  await expect(doctor.locator('li[data-status="booked"]').filter({ hasText: "Amina Bibi" })).toContainText("moved from another time");
  await doctorContext.close();
});
