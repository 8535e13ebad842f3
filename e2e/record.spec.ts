import { devices, expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import postgres from "postgres";
import { TEST_PASSWORD, insertBookableDoctor, insertDoctor } from "./support/accounts";
import en from "../lib/i18n/messages/en.json";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";

const phone = { width: 360, height: 740 };
const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

async function phoneContext(browser: Browser, locale?: "ur"): Promise<BrowserContext> {
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
  return browser.newContext({ ...pixel, viewport: phone, screen: phone, locale: locale === "ur" ? "ur-PK" : "en-US" });
}

/** Opens one of the record panels beside the call (a <details> section) by its title. */
async function panel(page: Page, title: string): Promise<Locator> {
  const section = page.locator("details").filter({ has: page.locator("summary", { hasText: title }) }).first();
  if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
  return section;
}

async function shot(page: Page, name: string) {
  await test.info().attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

test("the doctor records vitals, a diagnosis, an allergy, a prescription past its warning and a referral, and signs; the patient reads it in Urdu, prints the prescription and the pharmacy's check confirms it; a stranger doctor needs break-glass, which the patient then sees", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const doctorAccount = await insertBookableDoctor(sql, "Dr. Record Keeper");

  // The patient books on their phone and checks in.
  const patientCtx = await phoneContext(browser);
  const patientPage = await patientCtx.newPage();
  const patient = new PatientPages(patientPage);
  await patient.signIn(freshPhone());
  const mrId = await patient.register("Shazia Parveen", "1985-04-12");
  await patient.bookFirstSlotWith(doctorAccount.name);
  const consultationId = await patient.checkIn();
  const [registered] = await sql<{ id: string }[]>`select id from patients where mr_id = ${mrId.replaceAll("-", "")}`;
  const patientId = registered!.id;

  // The doctor admits her at the desk.
  const doctorCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const doctorPage = await doctorCtx.newPage();
  const doctor = new ClinicianPages(doctorPage);
  await doctor.signIn(doctorAccount.email, TEST_PASSWORD);
  await expect(doctorPage.getByRole("row").filter({ hasText: "Shazia Parveen" })).toContainText("Online");
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await doctorPage.waitForURL(`**/consult/${consultationId}`);

  await test.step("vitals, with the intake's own warnings", async () => {
    const vitals = await panel(doctorPage, "Vitals");
    await vitals.getByLabel("Upper (systolic)").fill("150");
    await vitals.getByLabel("Lower (diastolic)").fill("96");
    await vitals.getByLabel("Pulse").fill("88");
    await vitals.getByRole("button", { name: "Save vitals" }).click();
    await expect(vitals.getByRole("status")).toHaveText("Saved.");
  });

  await test.step("a diagnosis from the shipped list, and bad input kept at its field", async () => {
    const diagnosis = await panel(doctorPage, "Diagnosis");
    await diagnosis.getByLabel("From the list").fill("XX99");
    await diagnosis.getByRole("button", { name: "Add diagnosis" }).click();
    await expect(diagnosis.getByRole("alert").first()).toBeVisible();
    await expect(diagnosis.getByLabel("From the list")).toHaveValue("XX99");
    await diagnosis.getByLabel("From the list").fill("I10");
    await diagnosis.getByRole("button", { name: "Add diagnosis" }).click();
    await expect(diagnosis.getByRole("listitem").filter({ hasText: "I10" }).or(diagnosis.getByRole("listitem").filter({ hasText: /blood pressure|hypertension/i }))).toBeVisible();
  });

  await test.step("an allergy to penicillins", async () => {
    const allergy = await panel(doctorPage, "Allergies");
    await allergy.getByLabel("Allergic to").selectOption({ label: "Penicillins (amoxicillin, ampicillin…)" });
    await allergy.getByLabel("Severe").check();
    await allergy.getByRole("button", { name: "Add allergy" }).click();
    await expect(allergy.getByText("Penicillins").first()).toBeVisible();
  });

  await test.step("amoxicillin is warned about at its line, and issued only once the doctor confirms", async () => {
    const rx = doctorPage.locator("section", { has: doctorPage.getByRole("heading", { name: "Prescription", exact: true }) });
    const amoxicillin = await doctorPage.locator('datalist option[value^="Amoxicillin"]').first().getAttribute("value");
    expect(amoxicillin).toBeTruthy();
    await rx.getByLabel(/^Medicine/).fill(amoxicillin!);
    await rx.getByLabel(/^Dose/).fill("1 capsule");
    await rx.getByLabel(/^How often/).selectOption({ index: 3 });
    await rx.getByLabel(/^For how long/).fill("5");
    await rx.getByRole("button", { name: "Issue prescription" }).click();
    const warning = rx.getByRole("alert").filter({ hasText: "Patient is allergic to" });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(/penicillin/i);
    await expect(rx.getByLabel(/^Dose/)).toHaveValue("1 capsule");
    await shot(doctorPage, "prescribing form with the allergy warning at the line");
    await rx.getByLabel("I have checked these warnings — prescribe anyway").check();
    await rx.getByRole("button", { name: "Issue prescription" }).click();
    await expect(rx.getByText("Prescription issued.")).toBeVisible();
  });

  await test.step("a referral to a specialty", async () => {
    const referral = await panel(doctorPage, "Referral");
    await referral.getByLabel("To a specialty").selectOption({ index: 1 });
    await referral.getByLabel("Urgent").check();
    await referral.getByLabel("Reason").fill("Blood pressure high on two readings, for review");
    await referral.getByRole("button", { name: "Refer" }).click();
    await expect(referral.getByText("Blood pressure high on two readings, for review")).toBeVisible();
  });

  await test.step("the note is saved and signed: final from then on", async () => {
    await doctor.writeNote({ subjective: "Headaches for two weeks", objective: "BP 150/96", assessment: "Hypertension", plan: "Start treatment, review in 2 weeks" });
    await doctorPage.getByRole("button", { name: "Sign the note" }).click();
    await expect(doctorPage.getByRole("button", { name: "Add addendum" })).toBeVisible();
    await expect(doctorPage.getByRole("button", { name: "Save note" })).toHaveCount(0);
    await shot(doctorPage, "doctor's consult page with the record beside the call");
  });

  await doctorPage.getByRole("button", { name: "End consultation" }).click();
  await doctorPage.waitForURL("**/queue");
  await doctorCtx.close();

  let verifyPath = "";
  await test.step("the patient reads the record in Urdu at 360 px, prints the prescription", async () => {
    // She reads Urdu: the header's language button switches the whole app, right to left.
    await patientPage.goto("/records");
    await patientPage.getByRole("button", { name: en.app.switchLanguage }).click();
    await expect(patientPage.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(patientPage.getByText(/پنسلین/).first()).toBeVisible();
    await expect(patientPage.getByText(/بلڈ پریشر|ہائی بلڈ/).first()).toBeVisible();
    await expect(patientPage.getByText(/Amoxicillin/).first()).toBeVisible();
    await expect(patientPage.getByText("Blood pressure high on two readings, for review")).toBeVisible();
    const width = await patientPage.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(phone.width);
    await shot(patientPage, "patient's record in Urdu at 360 px");

    const [issued] = await sql<{ id: string }[]>`select id from prescriptions where patient_id = ${patientId}`;
    const prescriptionId = issued!.id;
    await patientPage.goto(`/print/prescriptions/${prescriptionId}`);
    await expect(patientPage.getByText(/Amoxicillin/).first()).toBeVisible();
    // The code the pharmacy scans is the one printed beside the QR code.
    const qr = patientPage.getByRole("img", { name: /کوڈ/ });
    await expect(qr).toBeVisible();
    const printed = (await qr.getAttribute("aria-label"))!.match(/[0-9A-Z]{4}(?:-[0-9A-Z]{1,4})+/)?.[0];
    expect(printed).toBeTruthy();
    await shot(patientPage, "printable prescription in Urdu");
    const pdf = await patientPage.request.get(`/api/prescriptions/${prescriptionId}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    verifyPath = `/verify/${printed}`;
  });

  await test.step("the pharmacy scans the QR code: genuine, not yet dispensed, without the record", async () => {
    const pharmacy = await phoneContext(browser);
    const page = await pharmacy.newPage();
    await page.goto(verifyPath);
    await expect(page.getByText("Genuine prescription, not yet dispensed")).toBeVisible();
    await expect(page.getByText(/Amoxicillin/).first()).toBeVisible();
    await expect(page.getByText("Shazia Parveen")).toHaveCount(0);
    await expect(page.getByText("Headaches for two weeks")).toHaveCount(0);
    await shot(page, "pharmacy verification page");
    await page.goto("/verify/ABCD-EFGH-JKMN-PQRS-T");
    await expect(page.getByText("Not a Rabta prescription")).toBeVisible();
    await pharmacy.close();
  });

  const stranger = await insertDoctor(sql, "Dr. Outside Clinic");
  await test.step("a doctor with no encounter gets 'not found' until break-glass", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await new ClinicianPages(page).signIn(stranger.email, TEST_PASSWORD, /\/queue|\/$/);
    await page.goto(`/patients/${patientId}`);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Headaches for two weeks")).toHaveCount(0);
    const fhir = await page.request.get(`/api/fhir/Patient/${patientId}/$everything`);
    expect(fhir.status()).toBe(404);
    expect((await fhir.json()).resourceType).toBe("OperationOutcome");

    await page.getByLabel("Why do you need this record now?").fill("short");
    await page.getByRole("button", { name: "Open the record in an emergency" }).click();
    await expect(page.getByText("Say why you need this record now (at least 10 letters).")).toBeVisible();
    await expect(page.getByLabel("Why do you need this record now?")).toHaveValue("short");
    await page.getByLabel("Why do you need this record now?").fill("Brought in unconscious to the emergency room");
    await page.getByRole("button", { name: "Open the record in an emergency" }).click();
    await expect(page.getByText(/Emergency access: everything you open is logged/)).toBeVisible();
    await expect(page.getByText("Penicillins").first()).toBeVisible();
    const bundle = await page.request.get(`/api/fhir/Patient/${patientId}/$everything`);
    expect(bundle.status()).toBe(200);
    expect((await bundle.json()).type).toBe("searchset");
    await ctx.close();
  });

  await test.step("the patient sees that emergency access in 'Who opened my record'", async () => {
    await patientPage.goto("/records");
    await patientPage.getByRole("link", { name: "میرا ریکارڈ کس نے کھولا" }).click();
    const emergency = patientPage.getByRole("listitem").filter({ hasText: "Dr. Outside Clinic" }).filter({ hasText: "ایمرجنسی رسائی" }).first();
    await expect(emergency).toBeVisible();
    await expect(emergency).toContainText("Brought in unconscious to the emergency room");
    // Her own doctor's reads and entries are there too, each said to be during her consultation.
    const ownDoctor = patientPage.getByRole("listitem").filter({ hasText: doctorAccount.name });
    await expect(ownDoctor.filter({ hasText: "آپ کا ریکارڈ پڑھا" }).first()).toContainText("آپ کی مشاورت کے دوران");
    await expect(ownDoctor.filter({ hasText: "اندراج کیا" }).first()).toContainText("آپ کی مشاورت کے دوران");
    await expect(ownDoctor.first()).toContainText("ڈاکٹر");
    await shot(patientPage, "who opened my record, in Urdu");
  });
  await patientCtx.close();
});

test("a photo of 20 MB or a file that is not an image is refused at the field, and nothing else typed is lost", async ({ browser }) => {
  const doctorAccount = await insertBookableDoctor(sql, "Dr. Upload Check");
  const patientCtx = await phoneContext(browser);
  const patientPage = await patientCtx.newPage();
  const patient = new PatientPages(patientPage);
  await patient.signIn(freshPhone());
  await patient.register("Rukhsana Bibi", "1979-08-20");
  await patient.bookFirstSlotWith(doctorAccount.name);
  const consultationId = await patient.checkIn();

  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await new ClinicianPages(page).signIn(doctorAccount.email, TEST_PASSWORD);
  await expect(page.getByRole("row").filter({ hasText: "Rukhsana Bibi" })).toContainText("Online");
  await page.getByRole("button", { name: "Admit next patient" }).click();
  await page.waitForURL(`**/consult/${consultationId}`);

  const lab = await panel(page, "Lab tests");
  const photo = lab.getByLabel("Photo of the report (optional)");
  await photo.setInputFiles({ name: "report.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(20 * 1024 * 1024, 0xff) });
  await expect(lab.getByText(en.errors.upload_too_large)).toBeVisible();

  await lab.locator("#lab-result-test").selectOption("hb");
  await lab.getByLabel("Result", { exact: true }).fill("9.6");
  await photo.setInputFiles({ name: "report.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<html>not a photo</html>") });
  await lab.getByRole("button", { name: "Save result" }).click();
  await expect(lab.getByText(en.errors.upload_not_image)).toBeVisible();
  await expect(lab.getByLabel("Result", { exact: true })).toHaveValue("9.6");
  await expect(lab.locator("#lab-result-test")).toHaveValue("hb");
  await shot(page, "lab result form refusing a file that is not a photo");
  await ctx.close();
  await patientCtx.close();
});
