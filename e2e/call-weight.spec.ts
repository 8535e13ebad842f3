import { devices, expect, test, type Browser } from "@playwright/test";
import postgres from "postgres";
import { TEST_PASSWORD, insertBookableDoctor } from "./support/accounts";
import { expectRemoteVideoFlowing, recordPeerConnections } from "./support/media";
import { describeWeight, kB, pageWeight, type PageWeight } from "./support/page-weight";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";

// The budget for the whole call page on a patient's phone: every script a cold load
// downloads, the framework included, gzip as `next start` sends it.
const PATIENT_BUDGET = 300_000;
// The clinician's consult page is the same call plus the record workspace beside it: the note,
// the record panels' forms (prescription, labs, vitals, programmes) with the zod they validate
// with, and the queue controls, loaded as chunks of their own (clinician-forms.tsx) and drawn on
// first paint: about 61 kB gzip on top of the call (360.8 kB measured when this was set). It is
// held to that with a little room, so it cannot grow unnoticed; a patient's phone loads none of it.
const CLINICIAN_BUDGET = 365_000;

const phone = { width: 360, height: 740 };
const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

/** Opens the call page in a context of its own (an empty HTTP cache), joins, and weighs what it loaded. */
async function weighCall(browser: Browser, storageState: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>, path: string, onPhone: boolean) {
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
  const context = await browser.newContext(onPhone ? { ...pixel, viewport: phone, screen: phone, storageState } : { viewport: { width: 1280, height: 800 }, storageState });
  await recordPeerConnections(context);
  const page = await context.newPage();
  // Not "networkidle": the staff page's session keep-alive and the like are no scripts, and the
  // weight is read only once the call has media flowing, when every script the call needs is in.
  await page.goto(path);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page.getByTestId("call-stage")).toBeVisible();
  return { context, page };
}

function checkMeasured(weight: PageWeight) {
  // A measurement of nothing must not pass: scripts were downloaded, compressed, with the video SDK among them.
  const scripts = weight.transfers.filter((t) => t.kind === "script");
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts.filter((t) => t.decodedBytes > 2_000)) {
    expect(script.encodedBytes, `${script.url} must arrive compressed`).toBeLessThan(script.decodedBytes * 0.7);
  }
  expect(scripts.some((t) => t.decodedBytes > 400_000), "the video SDK's chunk is among the scripts").toBe(true);
}

test("the call page, in the call, loads at most 300 kB of JavaScript on a patient's phone (the clinician's page is measured too)", async ({ browser }, testInfo) => {
  const DOCTOR = await insertBookableDoctor(sql, "Dr. Call Weight");
  const setup = await browser.newContext({ viewport: phone });
  const patient = new PatientPages(await setup.newPage());
  await patient.signIn(freshPhone());
  await patient.register("Weight Bibi", "1991-03-03");
  await patient.bookFirstSlotWith(DOCTOR.name);
  const consultationId = await patient.checkIn();
  const patientState = await setup.storageState();

  const doctorSetup = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const doctorPage = await doctorSetup.newPage();
  await new ClinicianPages(doctorPage).signIn(DOCTOR.email, TEST_PASSWORD);
  await expect(doctorPage.getByRole("row").filter({ hasText: "Weight Bibi" })).toContainText("Online");
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await doctorPage.waitForURL(`**/consult/${consultationId}`);
  const doctorState = await doctorSetup.storageState();
  await setup.close();
  await doctorSetup.close();

  const path = `/consult/${consultationId}`;
  const doctorCall = await weighCall(browser, doctorState, path, false);
  const patientCall = await weighCall(browser, patientState, path, true);
  // In the call: each side receives the other's video, so everything the call needs has loaded.
  await expectRemoteVideoFlowing(patientCall.page);
  await expectRemoteVideoFlowing(doctorCall.page);

  const patientWeight = await pageWeight(patientCall.page, `${path} (patient, 360 px, in the call)`);
  const doctorWeight = await pageWeight(doctorCall.page, `${path} (clinician, desktop, in the call)`);
  await testInfo.attach("call page weight", { body: [describeWeight(patientWeight), describeWeight(doctorWeight)].join("\n\n"), contentType: "text/plain" });
  console.log(`RESULT name=call-weight patient_kb=${kB(patientWeight.scriptBytes)} clinician_kb=${kB(doctorWeight.scriptBytes)}`);

  checkMeasured(patientWeight);
  checkMeasured(doctorWeight);
  expect(patientWeight.scriptBytes, `patient's call page scripts, ${kB(patientWeight.scriptBytes)} kB`).toBeLessThanOrEqual(PATIENT_BUDGET);
  expect(doctorWeight.scriptBytes, `clinician's call page scripts, ${kB(doctorWeight.scriptBytes)} kB`).toBeLessThanOrEqual(CLINICIAN_BUDGET);
  await patientCall.context.close();
  await doctorCall.context.close();
});
