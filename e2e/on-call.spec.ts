import { devices, expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed";
import en from "../lib/i18n/messages/en.json";
import ur from "../lib/i18n/messages/ur.json";
import urCall from "../lib/i18n/messages/call.ur.json";
import { DESK_CALL, PHONE_CALL, expectRemoteVideoFlowing, expectRemoteVideoOnScreen, recordPeerConnections } from "./support/media";
import { PatientPages, freshPhone } from "./support/pages";

const phone = { width: 360, height: 740 };
const phoneLandscape = { width: phone.height, height: phone.width };

/** The clinic's wall clock now, as the admin would type it. */
function karachiNow(): { date: string; start: string; end: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Karachi", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${parts.year}-${parts.month}-${parts.day}`, start: `${pad(hour)}:00`, end: `${pad((hour + 2) % 24)}:00` };
}

test("an admin puts a paediatrician on call, a parent reading Urdu asks to see a doctor now, and sees the doctor by video in landscape and portrait", async ({
  browser,
}, testInfo) => {
  const admin = await browser.newPage();
  await admin.goto("/sign-in/staff");
  await admin.getByLabel("Email").fill("admin@rabta.local");
  await admin.getByLabel("Password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await admin.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await admin.goto("/on-call");
  const shift = karachiNow();
  await admin.getByRole("combobox", { name: "Doctor" }).selectOption({ label: "Dr. Imran Qureshi" });
  await admin.getByRole("radio", { name: "A child" }).check();
  await admin.getByLabel("Date", { exact: true }).fill(shift.date);
  await admin.getByLabel("From", { exact: true }).fill(shift.start);
  await admin.getByLabel("To", { exact: true }).fill(shift.end);
  await admin.getByRole("button", { name: "Add a shift" }).click();
  await expect(admin.getByText("Shift added.")).toBeVisible();
  await admin.context().close();

  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
  const patientContext = await browser.newContext({ ...pixel, viewport: phone, screen: phone });
  await recordPeerConnections(patientContext);
  const patientPage = await patientContext.newPage();
  const patient = new PatientPages(patientPage);
  await patient.signIn(freshPhone());
  await patient.register("Uzma Rafiq", "1993-01-17");
  // The parent reads Urdu: the header's language button switches the whole app, right to left.
  await patientPage.getByRole("button", { name: en.app.switchLanguage }).click();
  await expect(patientPage.locator("html")).toHaveAttribute("dir", "rtl");
  await patientPage.goto("/now");
  await patientPage.getByRole("button", { name: ur.now.need_child }).click();
  await expect(patientPage.getByTestId("queue-place")).toBeVisible();

  const doctorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordPeerConnections(doctorContext);
  const doctor = await doctorContext.newPage();
  await doctor.goto("/sign-in/staff");
  await doctor.getByLabel("Email").fill("specialist@rabta.local");
  await doctor.getByLabel("Password").fill(DEMO_PASSWORD);
  await doctor.getByRole("button", { name: "Sign in" }).click();
  await doctor.waitForURL("**/queue");
  const pool = doctor.getByRole("region", { name: /On call now/ });
  await expect(pool).toContainText("Uzma Rafiq");
  await pool.getByRole("button", { name: "Take the next patient" }).click();
  await doctor.waitForURL("**/consult/**");
  await doctor.getByRole("button", { name: "Join" }).click();

  // The parent holds the phone sideways from the moment the call opens.
  await expect(patientPage.getByText(ur.now.pickedUp)).toBeVisible({ timeout: 20_000 });
  await patientPage.setViewportSize(phoneLandscape);
  await patientPage.getByRole("link", { name: ur.waiting.joinCall }).click();
  await patientPage.getByRole("button", { name: urCall.join, exact: true }).click();
  await expectRemoteVideoFlowing(patientPage);
  await expectRemoteVideoOnScreen(patientPage, PHONE_CALL, { testInfo, name: "patient, phone landscape, Urdu" });
  await expectRemoteVideoFlowing(doctor);
  await expectRemoteVideoOnScreen(doctor, DESK_CALL, { testInfo, name: "doctor, desktop, beside the note" });

  await patientPage.setViewportSize(phone);
  await expectRemoteVideoOnScreen(patientPage, PHONE_CALL, { testInfo, name: "patient, phone portrait, Urdu" });

  // Ending the call frees the on-call doctor; the parent is told in Urdu.
  await doctor.getByRole("button", { name: "End consultation" }).click();
  await doctor.waitForURL("**/queue");
  await expect(patientPage.getByRole("status").filter({ hasText: urCall.ended })).toContainText(urCall.movingOn, { timeout: 20_000 });
  await patientContext.close();
  await doctorContext.close();
});
