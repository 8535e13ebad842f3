import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import postgres from "postgres";
import { TEST_PASSWORD, insertDoctor } from "./support/accounts";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";

// The JSON API that the benchmarks drive: the same gates as the pages' server actions (a
// session, a same-site Origin on writes), a code on every error, and "not found" for what is
// someone else's.
const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

const DEMO_DOCTOR_ID = "00000000-0000-4000-8000-000000000003";

type Json = { error?: { code: string; message: string } } & Record<string, unknown>;

async function post(request: APIRequestContext, path: string, data: unknown, origin: string | null, headers: Record<string, string> = {}) {
  const response = await request.post(path, { data, headers: { ...(origin ? { origin } : {}), ...headers }, maxRedirects: 0 });
  return { status: response.status(), body: (await response.json()) as Json };
}

async function signedInPatient(page: Page): Promise<{ patientId: string }> {
  const phone = freshPhone();
  const patient = new PatientPages(page);
  await patient.signIn(phone);
  await patient.register("Api Bibi", "1985-07-15");
  const [row] = await sql`select p.id from patients p join users u on u.id = p.account_id where u.phone = ${phone.e164}`;
  return { patientId: row!.id as string };
}

async function signedInDoctor(page: Page): Promise<string> {
  const doctor = await insertDoctor(sql, "Dr. Api Test", "api-doctor");
  await new ClinicianPages(page).signIn(doctor.email, TEST_PASSWORD);
  return doctor.id;
}

test("anonymous callers get 401 with a code from every route", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const origin = new URL(baseURL!).origin;
  const slot = { patientId: "x", clinicianId: DEMO_DOCTOR_ID, startsAt: "x", endsAt: "x" };
  for (const [path, data] of [["/api/appointments", slot], ["/api/clinician/status", { status: "online" }], ["/api/queue/admit-next", {}]] as const) {
    expect(await post(anonymous, path, data, origin), path).toEqual({ status: 401, body: { error: { code: "unauthorized", message: "unauthorized" } } });
  }
  for (const path of ["/api/clinician/status", `/api/clinicians/${DEMO_DOCTOR_ID}/slots`]) {
    const response = await anonymous.get(path);
    expect(response.status(), path).toBe(401);
    expect(((await response.json()) as Json).error?.code).toBe("unauthorized");
  }
  await anonymous.dispose();
});

test("a patient books through the API; a cross-site or Origin-less write is refused and books nothing", async ({ page, baseURL }) => {
  const { patientId } = await signedInPatient(page);
  const origin = new URL(baseURL!).origin;

  const slots = await page.request.get(`/api/clinicians/${DEMO_DOCTOR_ID}/slots?days=3`);
  expect(slots.status()).toBe(200);
  const { slots: open } = (await slots.json()) as { slots: { startsAt: string; endsAt: string }[] };
  // The last open slot, far from the ones other specs book first.
  const slot = open.at(-1)!;
  const booking = { patientId, clinicianId: DEMO_DOCTOR_ID, ...slot };

  for (const [what, from] of [["another site", "https://evil.example"], ["no Origin", null]] as const) {
    const refused = await post(page.request, "/api/appointments", booking, from);
    expect(refused, what).toEqual({ status: 403, body: { error: { code: "forbidden", message: "cross_site_request" } } });
  }
  const [{ count: none }] = (await sql`select count(*)::int as count from appointments where patient_id = ${patientId}`) as unknown as [{ count: number }];
  expect(none).toBe(0);

  const key = crypto.randomUUID();
  const booked = await post(page.request, "/api/appointments", booking, origin, { "idempotency-key": key });
  expect(booked.status).toBe(200);
  expect(booked.body).toMatchObject({ patientId, clinicianId: DEMO_DOCTOR_ID, status: "booked" });
  const retried = await post(page.request, "/api/appointments", booking, origin, { "idempotency-key": key });
  expect(retried.body.id).toBe(booked.body.id);

  expect(await post(page.request, "/api/appointments", { ...booking, startsAt: "tomorrow" }, origin)).toMatchObject({ status: 400, body: { error: { code: "invalid" } } });
  expect((await post(page.request, "/api/appointments", "not json", origin)).status).toBe(400);
  const days = await page.request.get(`/api/clinicians/${DEMO_DOCTOR_ID}/slots?days=99`);
  expect(days.status()).toBe(400);
  expect(((await days.json()) as Json).error).toEqual({ code: "invalid", message: "days_invalid" });
});

test("what belongs to someone else, or to no clinician, answers not found", async ({ browser }) => {
  const owner = await browser.newContext();
  const { patientId: someoneElse } = await signedInPatient(await owner.newPage());
  await owner.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signedInPatient(page);
  const origin = new URL(page.url()).origin;
  const slots = (await (await page.request.get(`/api/clinicians/${DEMO_DOCTOR_ID}/slots?days=3`)).json()) as { slots: { startsAt: string; endsAt: string }[] };
  const slot = slots.slots.at(-2)!;

  const forStranger = await post(page.request, "/api/appointments", { patientId: someoneElse, clinicianId: DEMO_DOCTOR_ID, ...slot }, origin);
  expect(forStranger).toEqual({ status: 404, body: { error: { code: "not_found", message: "not_found" } } });
  const patientAsDoctor = await page.request.get("/api/clinician/status");
  expect(patientAsDoctor.status()).toBe(404);
  expect((await post(page.request, "/api/queue/admit-next", {}, origin)).body.error?.code).toBe("not_found");
  const notAClinician = await page.request.get(`/api/clinicians/${someoneElse}/slots`);
  expect(notAClinician.status()).toBe(404);
  await context.close();
});

test("a doctor sets their status and admits through the API, with the same Origin gate", async ({ page, baseURL }) => {
  await signedInDoctor(page);
  const origin = new URL(baseURL!).origin;

  expect(await post(page.request, "/api/clinician/status", { status: "online" }, "https://evil.example")).toMatchObject({ status: 403 });
  expect(((await (await page.request.get("/api/clinician/status")).json()) as Json).status).not.toBe("online");

  expect(await post(page.request, "/api/clinician/status", { status: "online" }, origin)).toEqual({ status: 200, body: { status: "online" } });
  expect(((await (await page.request.get("/api/clinician/status")).json()) as Json).status).toBe("online");
  expect(await post(page.request, "/api/clinician/status", { status: "asleep" }, origin)).toMatchObject({ status: 400, body: { error: { code: "invalid" } } });

  expect(await post(page.request, "/api/queue/admit-next", {}, "https://evil.example")).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
  // This doctor is new, so nobody waits for them.
  expect(await post(page.request, "/api/queue/admit-next", {}, origin)).toEqual({ status: 409, body: { error: { code: "conflict", message: "queue_empty" } } });
});
