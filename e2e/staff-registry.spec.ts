import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed";
import { DESK, PHONE } from "./support/call-contexts";
import { ClinicianPages } from "./support/pages";

test("the district office sets the LHV's duty roster and records her leave; the registry in Urdu on a phone", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: DESK });
  const page = await context.newPage();
  await new ClinicianPages(page).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await page.getByRole("link", { name: "Staff registry" }).click();
  const member = page.getByTestId("staff-member").filter({ hasText: "Shazia Parveen (LHV)" });
  await member.getByText("Duty roster:").click();
  const roster = member.getByRole("form", { name: "Duty roster of Shazia Parveen (LHV)" });
  await roster.getByLabel("In force from").fill("2026-01-01");
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]) {
    const shift = roster.getByRole("group", { name: day });
    await shift.getByLabel("Starts").fill("08:00");
    await shift.getByLabel("Ends").fill(day === "Saturday" ? "07:00" : "14:00");
  }
  // Saturday ends before it starts: refused at that day, the week kept as typed.
  await roster.getByRole("button", { name: "Save roster" }).click();
  await expect(roster.getByRole("group", { name: "Saturday" }).getByText("The shift must end after it starts.")).toBeVisible();
  await expect(roster.getByRole("group", { name: "Monday" }).getByLabel("Ends")).toHaveValue("14:00");
  await roster.getByRole("group", { name: "Saturday" }).getByLabel("Ends").fill("14:00");
  await roster.getByRole("button", { name: "Save roster" }).click();
  await expect(member.getByText("Duty roster: 36 hours a week, from 2026-01-01")).toBeVisible();

  await member.getByText("Leave", { exact: true }).click();
  const leave = member.getByRole("form", { name: "Leave of Shazia Parveen (LHV)" });
  await leave.getByLabel("Kind of leave").selectOption({ label: "Sick leave" });
  await leave.getByLabel("First day").fill("2099-03-01");
  await leave.getByLabel("Last day").fill("2099-03-03");
  await leave.getByRole("button", { name: "Record leave" }).click();
  await expect(member.getByTestId("staff-leave")).toContainText("Sick leave: 2099-03-01 to 2099-03-03");
  await testInfo.attach("staff registry, roster and leave (English, desktop)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  const phone = await browser.newContext({ viewport: PHONE });
  const phonePage = await phone.newPage();
  await new ClinicianPages(phonePage).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await phone.addCookies([{ name: "NEXT_LOCALE", value: "ur", url: phonePage.url() }]);
  await phonePage.goto("/staff-registry");
  await expect(phonePage.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(phonePage.getByTestId("staff-member").filter({ hasText: "Shazia Parveen (LHV)" })).toContainText("ہفتے میں 36 گھنٹے");
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page does not scroll sideways at 360 px").toBeLessThanOrEqual(1);
  await testInfo.attach("staff registry (Urdu, 360 px)", { body: await phonePage.screenshot({ fullPage: false }), contentType: "image/png" });
  await context.close();
  await phone.close();
});

test("the district office reads attendance: the LHV's rostered days with nothing recorded are absences without leave, with the day's evidence a click away", async ({ browser }, testInfo) => {
  // The previous test put Shazia Parveen on a Monday–Saturday roster from 2026-01-01; nothing
  // of hers was recorded in the last week of this fresh database, so each rostered day is an absence.
  const clinicDay = (daysAgo: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Karachi" }).format(new Date(Date.now() - daysAgo * 86_400_000));
  const range = `from=${clinicDay(7)}&to=${clinicDay(1)}`;
  const context = await browser.newContext({ viewport: DESK });
  const page = await context.newPage();
  await new ClinicianPages(page).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await page.getByRole("link", { name: "Staff attendance" }).click();
  await page.waitForURL(/\/staff-attendance$/);
  await page.goto(`/staff-attendance?${range}`);
  const absences = page.getByTestId("attendance-absences").getByRole("link").filter({ hasText: "Shazia Parveen (LHV)" });
  // Six of the seven days are on her roster (Sunday is off).
  await expect(absences).toHaveCount(6);
  await expect(page.getByTestId("attendance-by-staff")).toContainText("Shazia Parveen (LHV)");
  await testInfo.attach("staff attendance (English, desktop)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await absences.first().click();
  await page.waitForURL(/\/staff-attendance\/[0-9a-f-]+\/\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId("attendance-day")).toContainText("Absent without leave");
  await expect(page.getByTestId("attendance-day")).toContainText(/Shift \u2066?08:00\u2069?–\u2066?14:00\u2069?/);

  const csv = await page.request.get(`/api/district/attendance?${range}`);
  expect(csv.ok()).toBe(true);
  expect(await csv.text()).toMatch(/staff,Shazia Parveen \(LHV\),[^\n]*,6,0,0,6,/);

  const phone = await browser.newContext({ viewport: PHONE });
  const phonePage = await phone.newPage();
  await new ClinicianPages(phonePage).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await phone.addCookies([{ name: "NEXT_LOCALE", value: "ur", url: phonePage.url() }]);
  await phonePage.goto(`/staff-attendance?${range}`);
  await expect(phonePage.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(phonePage.getByRole("heading", { name: "عملے کی حاضری" })).toBeVisible();
  await expect(phonePage.getByTestId("attendance-absences")).toContainText("Shazia Parveen (LHV)");
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page does not scroll sideways at 360 px").toBeLessThanOrEqual(1);
  await testInfo.attach("staff attendance (Urdu, 360 px)", { body: await phonePage.screenshot({ fullPage: false }), contentType: "image/png" });
  await context.close();
  await phone.close();
});
