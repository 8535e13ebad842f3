import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { TEST_PASSWORD, insertBookableDoctor } from "./support/accounts";
import { DESK_CALL, PHONE_CALL, expectRemoteVideoFlowing, expectRemoteVideoOnScreen } from "./support/media";
import { PHONE_LANDSCAPE, deskCallContext, phoneCallContext } from "./support/call-contexts";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";


const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

const note = {
  subjective: "Cough and fever for three days",
  objective: "Temperature 38.4 C, chest clear on video",
  assessment: "Viral upper respiratory infection",
  plan: "Paracetamol 500 mg every 6 hours, fluids, return if breathless",
};

// One flow: the stranger's "not found" is about this consultation and its note, so it is the
// flow's last step, not a test that needs another one to have run first.
test("a patient signs in by SMS, registers, books, waits, sees the doctor by video in portrait and landscape, and reads the note; another patient gets 'not found' for all of it", async ({
  browser,
}, testInfo) => {
  // A doctor of this test's own: the slot within check-in reach and the queue are this test's alone.
  const DOCTOR = await insertBookableDoctor(sql, "Dr. Consult Loop");
  const patientCtx = await phoneCallContext(browser);
  const doctorCtx = await deskCallContext(browser);
  const patientPage = await patientCtx.newPage();
  const doctorPage = await doctorCtx.newPage();
  const patient = new PatientPages(patientPage);
  const doctor = new ClinicianPages(doctorPage);

  await patient.signIn(freshPhone());
  const mrId = await patient.register("Nasreen Akhtar", "1988-11-02");
  expect(mrId).toMatch(/^\d{4}-\d{4}-\d{2}$/);

  await patient.bookFirstSlotWith(DOCTOR.name);
  const consultationId = await patient.checkIn();
  await expect(patientPage.getByTestId("queue-place")).toHaveText("1");

  await doctor.signIn(DOCTOR.email, TEST_PASSWORD);
  await expect(doctorPage.getByRole("cell", { name: "Nasreen Akhtar" })).toBeVisible();
  // The patient's waiting page is connected, so they can be admitted.
  await expect(doctorPage.getByRole("row").filter({ hasText: "Nasreen Akhtar" })).toContainText("Online");
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await doctorPage.waitForURL(`**/consult/${consultationId}`);
  await doctorPage.getByRole("button", { name: "Join" }).click();

  await patientPage.getByRole("link", { name: "Join the call" }).click({ timeout: 20_000 });
  await patientPage.waitForURL(`**/consult/${consultationId}`);
  await patientPage.getByRole("button", { name: "Join" }).click();

  await expectRemoteVideoFlowing(patientPage);
  await expectRemoteVideoFlowing(doctorPage);
  await expectRemoteVideoOnScreen(patientPage, PHONE_CALL, { testInfo, name: "patient, phone portrait, English" });
  await expectRemoteVideoOnScreen(doctorPage, DESK_CALL, { testInfo, name: "doctor, desktop, beside the note" });

  // The patient turns the phone sideways: the doctor still fills the screen, the call goes on.
  await patientPage.setViewportSize(PHONE_LANDSCAPE);
  await expectRemoteVideoOnScreen(patientPage, PHONE_CALL, { testInfo, name: "patient, phone landscape, English" });
  await expectRemoteVideoFlowing(patientPage);

  // Mute and camera toggles and leaving are the LiveKit controls, labelled in our catalogs.
  const mic = patientPage.getByRole("button", { name: "Microphone" });
  await mic.click();
  await expect(mic).toHaveAttribute("data-lk-enabled", "false");
  await mic.click();
  await expect(mic).toHaveAttribute("data-lk-enabled", "true");

  await doctor.writeNote(note);
  await doctorPage.getByRole("button", { name: "End consultation" }).click();
  await doctorPage.waitForURL("**/queue");

  // The server closed the room: the patient is told, then taken to their waiting page by itself.
  await expect(patientPage.getByRole("status").filter({ hasText: "The consultation has ended." })).toContainText("Taking you to the next page…", { timeout: 20_000 });
  await patientPage.waitForURL(`**/waiting/${consultationId}`);
  await expect(patientPage.getByText("This consultation has ended.")).toBeVisible();
  await patientPage.getByRole("link", { name: "Read the doctor's note" }).click();
  await expect(patientPage.getByText(note.assessment)).toBeVisible();
  await expect(patientPage.getByText(note.plan)).toBeVisible();

  // LiveKit's own signed webhooks reached the app and were recorded on the consultation.
  await expect
    .poll(async () => {
      const rows = await sql`select kind from consultation_events where consultation_id = ${consultationId}`;
      return rows.filter((r) => r.kind === "participant_joined").length;
    })
    .toBeGreaterThanOrEqual(2);

  await patientCtx.close();
  await doctorCtx.close();

  await test.step("another patient gets 'not found' for the consultation, its token and its note", async () => {
    const context = await phoneCallContext(browser);
    const page = await context.newPage();
    const stranger = new PatientPages(page);
    await stranger.signIn(freshPhone());
    await stranger.register("Stranger Bibi", "1990-01-01");

    for (const path of [`/consult/${consultationId}`, `/records/${consultationId}`, `/waiting/${consultationId}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
      await expect(page.getByText(note.plan)).toHaveCount(0);
    }
    // With the Origin the call page sends, so that only whose consultation it is decides.
    const token = await page.request.post(`/api/consultations/${consultationId}/token`, { headers: { origin: new URL(page.url()).origin } });
    expect(token.status()).toBe(404);
    expect(await token.json()).toEqual({ error: { code: "not_found", message: "not_found" } });
    await context.close();
  });
});

test("an anonymous token request gets 401 and a forged webhook gets 401", async ({ playwright, baseURL }) => {
  // Both are refused before any consultation is looked up, so a well-formed id of no one's will do.
  const consultationId = crypto.randomUUID();
  const anonymous = await playwright.request.newContext({ baseURL });
  const token = await anonymous.post(`/api/consultations/${consultationId}/token`, { headers: { origin: new URL(baseURL!).origin } });
  expect(token.status()).toBe(401);
  expect((await token.json()).error.code).toBe("unauthorized");

  const body = JSON.stringify({ event: "room_finished", room: { name: `consult-${consultationId}` }, id: "EV_forged" });
  const forged = await anonymous.post("/api/livekit/webhook", {
    headers: { authorization: "eyJhbGciOiJIUzI1NiJ9.eyJzaGEyNTYiOiJ4In0.forged", "content-type": "application/webhook+json" },
    data: body,
  });
  expect(forged.status()).toBe(401);
  const unsigned = await anonymous.post("/api/livekit/webhook", { data: body, headers: { "content-type": "application/webhook+json" } });
  expect(unsigned.status()).toBe(401);
  await anonymous.dispose();
});
