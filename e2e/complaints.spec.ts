import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { DEMO_PASSWORD } from "../db/seed";
import { DESK, PHONE } from "./support/call-contexts";
import { ClinicianPages, codeFromOutbox } from "./support/pages";

const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

test("a complaint filed on a phone gets a tracking number by SMS, is escalated when its SLA runs out, and its complainant follows it to resolution", async ({ browser }, testInfo) => {
  const digits = String(Date.now()).slice(-7);
  const local = `0345-${digits}`;
  const e164 = `+92345${digits}`;

  // Someone without an account, on a phone: the number first, then the complaint.
  const phone = await browser.newContext({ viewport: PHONE });
  const page = await phone.newPage();
  await page.goto("/1129");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complaints (1129)");
  await page.getByRole("textbox", { name: "Mobile number" }).fill(local);
  await page.getByRole("button", { name: "Send the code" }).click();
  const form = page.getByRole("form", { name: "Your complaint" });
  await expect(form).toContainText(local);
  await form.getByLabel("Code from the SMS").fill(await codeFromOutbox(page, e164));
  await form.getByLabel("What is it about?").selectOption({ label: "Medicine not available" });
  await form.getByLabel("Facility").selectOption({ label: "BHU Basti Malook — Muzaffargarh" });
  // Too short a description is refused at the field; the choices stay.
  await form.getByLabel("What happened").fill("No ORS");
  await form.getByRole("button", { name: "File the complaint" }).click();
  await expect(page.getByText("Say what happened in at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Facility")).not.toHaveValue("");
  await expect(page.getByLabel("What is it about?")).toHaveValue("medicine_unavailable");
  await expect(page.getByLabel("What happened")).toHaveValue("No ORS");
  await expect(page.getByLabel("Code from the SMS"), "the code is kept: it was not used up by the refusal").toHaveValue(/^\d{6}$/);
  await page.getByLabel("What happened").fill("No ORS sachets at the BHU for a week; my son has diarrhoea and they sent us to buy them in the bazaar.");
  await page.getByRole("button", { name: "File the complaint" }).click();
  await expect(page.getByTestId("complaint-filed")).toBeVisible();
  const tracking = (await page.getByTestId("tracking-number").textContent())!.trim();
  expect(tracking).toMatch(/^\d{4}-\d{5,}-\d$/);
  const box = await page.getByTestId("tracking-number").boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, "the tracking number fits the phone's screen").toBe(true);
  await testInfo.attach("complaint filed, tracking number (English, 360 px)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  // The same number arrives by SMS (sent by the durable notice job in the app).
  await expect.poll(async () => (await sql`select body from sms_outbox where to_phone = ${e164} and body like ${`%${tracking}%`}`).length, { timeout: 20_000 }).toBe(1);

  // Two days pass with nobody acting on it: the SLA for a missing medicine (48 h) runs out.
  // The clock is moved for this complaint only: its due time, and the due time of its escalation job.
  const [complaint] = await sql`select id from complaints where tracking_number = ${tracking.replace(/-/g, "")}`;
  await sql`update complaints set due_at = now() - interval '1 minute', filed_at = now() - interval '49 hours' where id = ${complaint!.id}`;
  await sql`update pgboss.job set start_after = now() where name = 'complaint-sla' and data ->> 'complaintId' = ${complaint!.id} and state = 'created'`;
  await expect.poll(async () => (await sql`select escalation_level from complaints where id = ${complaint!.id}`)[0]!.escalation_level, { timeout: 30_000 }).toBe(1);
  await expect.poll(async () => (await sql`select body from sms_outbox where to_phone = ${e164} and body like '%higher office%'`).length, { timeout: 20_000 }).toBe(1);

  // The district office sees it escalated, gives it to an officer and resolves it.
  const office = await browser.newContext({ viewport: DESK });
  const officePage = await office.newPage();
  await new ClinicianPages(officePage).signIn("admin@rabta.local", DEMO_PASSWORD, /\/$/);
  await officePage.getByRole("link", { name: "Complaints" }).click();
  const row = officePage.getByTestId("complaints").getByRole("listitem").filter({ hasText: tracking });
  await expect(row).toContainText("Level 1");
  await expect(row).toContainText("Not assigned");
  await row.getByRole("link", { name: "Open" }).click();
  await expect(officePage.getByTestId("complaint-history")).toContainText("Not resolved in time: sent to a higher office");
  await officePage.getByRole("combobox", { name: "Give to an officer" }).selectOption({ label: "District Health Office Muzaffargarh" });
  await officePage.getByRole("button", { name: "Assign" }).click();
  await expect(officePage.getByTestId("complaint-history")).toContainText("Given to an officer");
  await officePage.getByLabel("How it was resolved (the complainant is sent this)").fill("ORS and zinc delivered to the BHU from the district store on the same day.");
  await officePage.getByRole("button", { name: "Resolve and text the complainant" }).click();
  await expect(officePage.getByTestId("complaint-history")).toContainText("Resolved");
  await testInfo.attach("district office, complaint resolved (English, desktop)", { body: await officePage.screenshot({ fullPage: true }), contentType: "image/png" });

  // The complainant, in Urdu, looks it up by tracking number and phone.
  await phone.addCookies([{ name: "NEXT_LOCALE", value: "ur", url: page.url() }]);
  await page.goto("/1129/status");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByLabel("ٹریکنگ نمبر").fill(tracking);
  await page.getByLabel("موبائل نمبر").fill(local);
  await page.getByRole("button", { name: "حالت دکھائیں" }).click();
  const status = page.getByTestId("complaint-status");
  await expect(status).toContainText("حل ہو گئی");
  await expect(status).toContainText("اعلیٰ دفتر کو بھیجی گئی");
  await expect(status).toContainText("ORS and zinc delivered");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page does not scroll sideways at 360 px").toBeLessThanOrEqual(1);
  await testInfo.attach("complaint status (Urdu, 360 px)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await phone.close();
  await office.close();
});
