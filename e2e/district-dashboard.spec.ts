import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed";
import { DESK, PHONE } from "./support/call-contexts";
import { ClinicianPages } from "./support/pages";

test("the district officer reads the dashboard in English on a desk and in Urdu on a phone, and its CSV says the same", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: DESK });
  const page = await context.newPage();
  await new ClinicianPages(page).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await page.getByRole("link", { name: "District dashboard" }).click();
  await page.waitForURL(/\/district$/);
  const headline = page.getByTestId("dashboard-headline");
  await expect(headline).toContainText("Consultations");
  // What needs the office now, each a link to its list.
  const now = page.getByTestId("district-now");
  await expect(now.getByRole("link", { name: /medicines out of stock/ })).toHaveAttribute("href", "/stock");
  await expect(now.getByRole("link", { name: /complaints open/ })).toHaveAttribute("href", "/complaints?view=overdue");
  await expect(now.getByRole("link", { name: /emergency referrals open/ })).toHaveAttribute("href", "/emergencies");
  const shown = Number(await headline.locator("div", { hasText: "Consultations" }).locator("dd").textContent());
  // Only the officer's own district's facilities are offered.
  const offered = await page.getByLabel("Facility", { exact: true }).locator("option").allTextContents();
  expect(offered).toContain("BHU Basti Malook");
  expect(offered).not.toContain("RHU Chowk Azam");
  await expect(page.getByTestId("operations-table")).toBeVisible();
  await testInfo.attach("district dashboard (English, desktop)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The CSV of the same query: a header, one line a facility, the total last, equal to the page.
  const csvResponse = await page.request.get("/api/district/dashboard?group=facility");
  expect(csvResponse.status()).toBe(200);
  expect(csvResponse.headers()["content-type"]).toContain("text/csv");
  const lines = (await csvResponse.text()).replace(/^\uFEFF/, "").trim().split("\n");
  expect(lines[0]).toMatch(/^facility,consultations,female,male/);
  const totalLine = lines.at(-1)!.split(",");
  expect(totalLine[0]).toBe("total");
  expect(Number(totalLine[1])).toBe(shown);
  expect(lines.join("\n")).not.toContain("RHU Chowk Azam");
  // How the facilities ran, beside it, with its own CSV, total last.
  await expect(page.getByTestId("operations-headline")).toContainText("Attendance");
  await expect(page.getByTestId("operations-table").locator('tr[data-key="total"]')).toContainText("Total");
  const operations = await page.request.get("/api/district/operations?group=facility");
  expect(operations.status()).toBe(200);
  const operationLines = (await operations.text()).replace(/^\uFEFF/, "").trim().split("\n");
  expect(operationLines[0]).toMatch(/^facility,attendance_rate,days_attended,days_counted,stock_out_items/);
  expect(operationLines.at(-1)!.split(",")[0]).toBe("total");
  expect(operationLines.join("\n")).not.toContain("RHU Chowk Azam");
  // Another role gets no export.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL("/api/district/dashboard", page.url()).toString())).status()).toBe(401);
  await anonymous.close();

  // The same page in Urdu at 360 px: right to left, and the page itself never scrolls sideways.
  await page.setViewportSize(PHONE);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ur", url: page.url() }]);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "ضلعی ڈیش بورڈ" })).toBeVisible();
  await expect(page.getByTestId("operations-table")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the table scrolls in its own box, not the page").toBeLessThanOrEqual(1);
  await testInfo.attach("district dashboard (Urdu, 360 px)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await context.close();
});
