import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import ur from "../lib/i18n/messages/ur.json";
import urCall from "../lib/i18n/messages/call.ur.json";
import enCall from "../lib/i18n/messages/call.en.json";
import { LOCALE_COOKIE } from "../lib/i18n/config";
import { CALL_ENCODINGS } from "../lib/consult/call-encodings";
import { TEST_PASSWORD, insertBookableDoctor } from "./support/accounts";
import { DESK_CALL, PHONE_CALL, attachScreenshot, expectRemoteVideoFlowing, expectRemoteVideoOnScreen } from "./support/media";
import { PHONE, PHONE_LANDSCAPE, deskCallContext, phoneCallContext, timerSeconds } from "./support/call-contexts";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";


const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());


/** The remote tile of the participant whose identity starts with `role:`. */
const remoteTile = (page: Page, role: string) => page.locator(`.lk-participant-tile[data-lk-local-participant="false"][data-identity^="${role}:"]`);

test("a patient's phone call in Urdu, portrait and landscape, with the doctor on a desktop: the other side large, a ticking timer, quality and role on each tile, and data saver going audio-only on both sides and back to video", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const DOCTOR = await insertBookableDoctor(sql, "Dr. Call Room");
  const patientCtx = await phoneCallContext(browser);
  const doctorCtx = await deskCallContext(browser);
  const patientPage = await patientCtx.newPage();
  const doctorPage = await doctorCtx.newPage();
  const patient = new PatientPages(patientPage);
  const doctor = new ClinicianPages(doctorPage);

  await patient.signIn(freshPhone());
  await patient.register("Zainab Call", "1990-05-05");
  await patient.bookFirstSlotWith(DOCTOR.name);
  const consultationId = await patient.checkIn();
  // From here on the patient's phone is in Urdu.
  await patientCtx.addCookies([{ name: LOCALE_COOKIE, value: "ur", url: testInfo.project.use.baseURL! }]);
  await patientPage.reload();

  await doctor.signIn(DOCTOR.email, TEST_PASSWORD);
  await expect(doctorPage.getByRole("row").filter({ hasText: "Zainab Call" })).toContainText("Online");
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await doctorPage.waitForURL(`**/consult/${consultationId}`);
  await doctorPage.getByRole("button", { name: "Join", exact: true }).click();

  await patientPage.getByRole("link", { name: ur.waiting.joinCall }).click({ timeout: 20_000 });
  await patientPage.waitForURL(`**/consult/${consultationId}`);
  await expect(patientPage.locator("html")).toHaveAttribute("dir", "rtl");

  await test.step("before joining: the device check and each mode's data per minute, from the configured bitrates", async () => {
    const megabytes = new Intl.NumberFormat("ur-PK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const { video, lowVideo, audio } = CALL_ENCODINGS;
    // kbit/s × 60 s × both directions ÷ 8 bits, in MB: worked out here from the bitrates, not read from the page's code.
    const expected = { video: video.maxBitrate + audio.maxBitrate, low_video: lowVideo.maxBitrate + audio.maxBitrate, audio_only: audio.maxBitrate };
    const estimate = patientPage.getByTestId("call-data-estimate");
    await expect(estimate).toBeVisible();
    for (const [mode, bitsPerSecond] of Object.entries(expected)) {
      const amount = megabytes.format((bitsPerSecond * 60 * 2) / 8 / 1e6);
      await expect(estimate.locator(`[data-mode="${mode}"]`)).toContainText(urCall.dataUse.replace("{amount}", amount));
    }
    await expect(patientPage.getByRole("meter", { name: urCall.micLevel })).toBeVisible();
    await attachScreenshot(patientPage, testInfo, "patient, device check, Urdu");
  });

  await patientPage.getByRole("button", { name: urCall.join, exact: true }).click();
  await expectRemoteVideoFlowing(patientPage);
  await expectRemoteVideoFlowing(doctorPage);
  await expectRemoteVideoOnScreen(patientPage, PHONE_CALL, { testInfo, name: "patient, 360 px portrait, Urdu" });
  await expectRemoteVideoOnScreen(doctorPage, DESK_CALL, { testInfo, name: "doctor, desktop, English" });

  await test.step("each remote tile carries the role, translated, and a connection quality LiveKit scored", async () => {
    await expect(remoteTile(patientPage, "clinician").getByTestId("call-role")).toHaveText(urCall.role_clinician);
    await expect(remoteTile(doctorPage, "patient").getByTestId("call-role")).toHaveText(enCall.role_patient);
    for (const [page, role] of [[patientPage, "clinician"], [doctorPage, "patient"]] as const) {
      const badge = page.locator(`[data-testid="call-quality"][data-identity^="${role}:"]`);
      await expect(badge).toBeVisible();
      await expect.poll(() => badge.getAttribute("data-quality"), { timeout: 30_000 }).toMatch(/^(excellent|good|poor|lost)$/);
      await expect(badge).toHaveAttribute("aria-label", /.+: .+/);
    }
  });

  await test.step("the consult timer is visible, ticks, and survives a reload", async () => {
    const timer = patientPage.getByTestId("call-timer");
    await expect(timer).toBeVisible();
    const first = await timerSeconds(patientPage);
    await expect.poll(() => timerSeconds(patientPage), { timeout: 5_000 }).toBeGreaterThan(first);
    const beforeReload = await timerSeconds(patientPage);
    await patientPage.reload();
    await patientPage.getByRole("button", { name: urCall.join, exact: true }).click();
    await expect(timer).toBeVisible();
    // Counted from admittedAt, not from the join: it carries on rather than starting at zero.
    expect(await timerSeconds(patientPage)).toBeGreaterThanOrEqual(beforeReload);
    await expectRemoteVideoFlowing(patientPage);
    await expect(doctorPage.getByTestId("call-timer")).toBeVisible();
  });

  await patientPage.setViewportSize(PHONE_LANDSCAPE);
  await expectRemoteVideoOnScreen(patientPage, PHONE_CALL, { testInfo, name: "patient, 360 px landscape, Urdu" });
  await patientPage.setViewportSize(PHONE);
  await expectRemoteVideoOnScreen(patientPage, PHONE_CALL, { testInfo, name: "patient, back to portrait, Urdu" });

  await test.step("data saver: audio-only on the patient's side, said in words on both sides, and logged", async () => {
    await patientPage.getByRole("button", { name: urCall.dataSaver }).click();
    await expect(patientPage.getByTestId("call-stage")).toHaveAttribute("data-call-mode", "audio_only");
    await expect(patientPage.getByTestId("call-mode-status")).toContainText(urCall.status_audio_only_data_saver);
    await expect(doctorPage.getByTestId("call-mode-status")).toHaveCount(0);
    await expect(remoteTile(doctorPage, "patient").getByTestId("call-remote-mode")).toHaveText(
      enCall.remote_audio_only_data_saver.replace("{name}", "Zainab Call"),
    );
    // No video either way: the patient unsubscribed from the doctor's, and stopped sending their own.
    await expect(remoteTile(patientPage, "clinician").locator("video")).toHaveCount(0);
    await expect(remoteTile(doctorPage, "patient").locator("video")).toHaveCount(0);
    await attachScreenshot(patientPage, testInfo, "patient, audio only (data saver), Urdu");
    await attachScreenshot(doctorPage, testInfo, "doctor, the patient is on data saver");
  });

  await test.step("video comes back when the patient asks, with media flowing again both ways", async () => {
    await patientPage.getByRole("button", { name: urCall.videoAgain }).click();
    await expect(patientPage.getByTestId("call-stage")).toHaveAttribute("data-call-mode", "video");
    await expect(patientPage.getByTestId("call-mode-status")).toHaveCount(0);
    await expectRemoteVideoFlowing(patientPage);
    await expectRemoteVideoFlowing(doctorPage);
    await expectRemoteVideoOnScreen(patientPage, PHONE_CALL, { testInfo, name: "patient, video back, Urdu" });
    await expect(remoteTile(doctorPage, "patient").getByTestId("call-remote-mode")).toHaveCount(0);
  });

  // The person's own two steps; a step the ladder took by itself on a busy machine (a poor score
  // sends video to the low layer) is logged too, and is not what this test is about.
  await expect
    .poll(async () => {
      const rows = await sql`select participant_role, mode, reason from call_mode_changes
        where consultation_id = ${consultationId} and reason in ('data_saver', 'asked') order by id`;
      return rows.map((r) => `${r.participant_role}:${r.mode}:${r.reason}`);
    })
    .toEqual(["patient:audio_only:data_saver", "patient:video:asked"]);

  await test.step("the call-mode route answers a mode outside the vocabulary with a JSON error code", async () => {
    const origin = new URL(patientPage.url()).origin;
    const response = await patientPage.request.post(`/api/consultations/${consultationId}/call-mode`, {
      headers: { origin },
      data: { mode: "hd_video", reason: "asked" },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.code).toBe("invalid");
  });

  await patientCtx.close();
  await doctorCtx.close();
});
