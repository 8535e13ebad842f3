import { devices, expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { DEMO_PASSWORD } from "../db/seed";
import { DESK_CALL, expectRemoteVideoFlowing, expectRemoteVideoOnScreen, recordPeerConnections } from "./support/media";
import { PatientPages, ClinicianPages, freshPhone } from "./support/pages";

const DOCTOR = { name: "Dr. Ayesha Khan", email: "doctor@rabta.local" };
const RHU_STAFF = "lhv@rabta.local";
// The second app instance on the same database (scripts/test.ts starts both).
const SECOND_INSTANCE = process.env.E2E_SECOND_URL ?? "http://127.0.0.1:3101";
const phone = { width: 360, height: 740 };

// The demo doctor has one slot at a time within check-in reach (15-minute slots, check-in opens
// 15 minutes before). This spec runs before consult-loop (files run in name order, one worker)
// and gives that slot back at the end: leaving the queue cancels the appointment.

/** Marks the page so that a later check can tell it was never reloaded. */
async function markLoaded(page: Page) {
  await page.evaluate(() => Object.assign(window, { rabtaNotReloaded: true }));
}
async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { rabtaNotReloaded?: boolean }).rabtaNotReloaded)).toBe(true);
}

test("a walk-in queued at a BHU moves a home patient's place live on another instance; the doctor admits; a dropped patient rejoins in place", async ({
  browser,
}, testInfo) => {
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
  // The patient at home is served by the second instance; staff and doctor by the first.
  const homeContext = await browser.newContext({ ...pixel, viewport: phone, screen: phone, baseURL: SECOND_INSTANCE });
  const staffContext = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const doctorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordPeerConnections(staffContext);
  await recordPeerConnections(doctorContext);

  // A patient at home books the doctor, checks in and waits.
  const homePage = await homeContext.newPage();
  const home = new PatientPages(homePage);
  await home.signIn(freshPhone());
  await home.register("Parveen Akhtar", "1979-06-15");
  await home.bookFirstSlotWith(DOCTOR.name);
  const homeConsultation = await home.checkIn();
  const place = homePage.getByTestId("queue-place");
  await expect(place).toHaveText(/^\d+$/);
  const homePlace = Number(await place.textContent());
  await expect(homePage.getByTestId("wait-estimate")).toBeVisible();
  await markLoaded(homePage);

  // Facility staff register a walk-in, take vitals, triage them urgent and send them to the doctor.
  const staffPage = await staffContext.newPage();
  const staff = new ClinicianPages(staffPage);
  await staff.signIn(RHU_STAFF, DEMO_PASSWORD, /\/host$/);
  const walkInName = `Ghulam Rasool ${Date.now().toString(36)}`;
  await staff.registerWalkIn({ name: walkInName, sex: "Male", dateOfBirth: "1961-02-03" });

  await staffPage.getByLabel("Systolic (upper)").fill("168");
  await staffPage.getByLabel("Diastolic (lower)").fill("102");
  await staffPage.getByLabel("Pulse").fill("96");
  await staffPage.getByLabel("Oxygen saturation (SpO2)").fill("95");
  await staffPage.getByLabel("Chief complaint").fill("Severe headache and dizziness since last night");
  // An implausible value is refused at its field, and nothing typed is lost.
  await staffPage.getByLabel("Temperature").fill("52");
  await staffPage.getByRole("radio", { name: /^Urgent/ }).check();
  const sendTo = staffPage.getByLabel("Send to");
  const doctorOption = sendTo.locator("option", { hasText: DOCTOR.name });
  await sendTo.selectOption(await doctorOption.getAttribute("value"));
  await staffPage.getByRole("button", { name: "Send to the queue" }).click();
  await expect(staffPage.getByText("Enter a value from 30 to 43.")).toBeVisible();
  await expect(staffPage.getByLabel("Systolic (upper)")).toHaveValue("168");
  await expect(staffPage.getByLabel("Chief complaint")).toHaveValue("Severe headache and dizziness since last night");
  await staffPage.getByLabel("Temperature").fill("37.8");
  await staffPage.getByRole("button", { name: "Send to the queue" }).click();
  await staffPage.waitForURL(/\/host\/visits\/[0-9a-f-]{36}$/);
  const walkInConsultation = staffPage.url().split("/host/visits/")[1]!;
  // Urgent triage goes ahead of the routine patient at home.
  await expect(staffPage.getByTestId("queue-place")).toHaveText(String(homePlace));

  // The patient at home, on the other instance, moves down one place without reloading.
  await expect(place).toHaveText(String(homePlace + 1));
  await expectNotReloaded(homePage);

  // The doctor sees the walk-in first, with the reason and the vitals, and admits them.
  const doctorPage = await doctorContext.newPage();
  const doctor = new ClinicianPages(doctorPage);
  await doctor.signIn(DOCTOR.email, DEMO_PASSWORD, /\/queue$/);
  const walkInRow = doctorPage.getByRole("row").filter({ hasText: walkInName });
  await expect(walkInRow).toContainText("Urgent triage");
  await expect(walkInRow).toContainText("168/102");
  await expect(walkInRow).toContainText("At a facility, with staff");
  const homeRow = doctorPage.getByRole("row").filter({ hasText: "Parveen Akhtar" });
  await expect(homeRow).toContainText("Online");
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await doctorPage.waitForURL(`**/consult/${walkInConsultation}`);

  // The host's device offers the call; the patient at home moves back up, still without a reload.
  await expect(staffPage.getByTestId("join-call")).toBeVisible();
  await expect(place).toHaveText(String(homePlace));
  await expectNotReloaded(homePage);

  // The doctor and the facility device are in the call, with media flowing both ways.
  await doctorPage.getByRole("button", { name: "Join" }).click();
  await staffPage.getByTestId("join-call").click();
  await staffPage.waitForURL(`**/consult/${walkInConsultation}`);
  await staffPage.getByRole("button", { name: "Join" }).click();
  await expectRemoteVideoFlowing(staffPage);
  await expectRemoteVideoFlowing(doctorPage);
  await expectRemoteVideoOnScreen(staffPage, DESK_CALL, { testInfo, name: "facility device, 1024x800" });
  await expectRemoteVideoOnScreen(doctorPage, DESK_CALL, { testInfo, name: "doctor, desktop, beside the note" });
  // LiveKit's signed webhook records the host as a participant of the encounter.
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  try {
    await expect
      .poll(async () => {
        const rows = await sql`select participant_identity from consultation_events where consultation_id = ${walkInConsultation} and kind = 'participant_joined'`;
        return rows.map((r) => String(r.participant_identity).split(":")[0]).sort();
      })
      .toEqual(["clinician", "host"]);
  } finally {
    await sql.end();
  }
  await doctorPage.getByRole("button", { name: "End consultation" }).click();
  await doctorPage.waitForURL("**/queue");
  // Back on the facility device: the visit is over, and nothing of this patient stays for the next.
  await expect(staffPage.getByRole("status").filter({ hasText: "The consultation has ended." })).toContainText("Taking you to the next page…", { timeout: 20_000 });
  await staffPage.waitForURL(/\/host\/visits\/[0-9a-f-]{36}$/);
  await expect(staffPage.getByText("The consultation has ended.")).toBeVisible();
  await staffPage.getByRole("link", { name: "Next patient" }).click();
  await expect(staffPage.getByText(walkInName)).toHaveCount(0);

  // The home patient's phone drops: the doctor sees them offline, keeping their place.
  await homePage.close();
  await expect(homeRow).toContainText("Offline — keeps the place");
  // Admitting them is refused with the reason, and nobody else is there to offer instead.
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await expect(doctorPage.getByText("Parveen Akhtar is offline and keeps the place in the queue.")).toBeVisible();
  // Reopening the page rejoins at the same place.
  const rejoined = await homeContext.newPage();
  await rejoined.goto(`/waiting/${homeConsultation}`);
  await expect(rejoined.getByTestId("queue-place")).toHaveText(String(homePlace));
  await expect(homeRow).toContainText("Online");

  // The patient leaves the queue, so the demo doctor's queue is as it was.
  await rejoined.getByRole("button", { name: "Leave the queue" }).click();
  await rejoined.getByRole("button", { name: "Yes, leave the queue" }).click();
  await expect(rejoined.getByText("You have left the queue.")).toBeVisible();
  await expect(homeRow).toHaveCount(0);

  await Promise.all([homeContext.close(), staffContext.close(), doctorContext.close()]);
});
