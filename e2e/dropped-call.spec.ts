import { devices, expect, test, type Browser, type BrowserContext } from "@playwright/test";
import postgres from "postgres";
import { TEST_PASSWORD, insertBookableDoctor } from "./support/accounts";
import { attachScreenshot, expectRemoteVideoFlowing, recordPeerConnections } from "./support/media";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";

const phone = { width: 360, height: 740 };

async function phoneContext(browser: Browser, storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>): Promise<BrowserContext> {
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
  const context = await browser.newContext({ ...pixel, viewport: phone, screen: phone, storageState });
  await recordPeerConnections(context);
  return context;
}

const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

// LiveKit's report that the phone left, then lib/consult/dropped-call.ts's grace (30 s), then the
// job queue's poll: well under two minutes.
const DROP_NOTICED_MS = 100_000;

// Where a dropped call ranks against everyone else is lib/queue/ordering.test.ts's; this is the
// whole way there and back, as the patient and the doctor see it.
test("a call whose patient vanishes puts them back in the waiting room at the front of the queue, and the doctor calls them back", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const DOCTOR = await insertBookableDoctor(sql, "Dr. Dropped Call");

  const firstCtx = await phoneContext(browser);
  const first = new PatientPages(await firstCtx.newPage());
  await first.signIn(freshPhone());
  await first.register("Shazia Parveen", "1991-04-12");
  await first.bookFirstSlotWith(DOCTOR.name);
  const consultationId = await first.checkIn();

  const doctorCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordPeerConnections(doctorCtx);
  const doctorPage = await doctorCtx.newPage();
  await new ClinicianPages(doctorPage).signIn(DOCTOR.email, TEST_PASSWORD);
  await expect(doctorPage.getByRole("row").filter({ hasText: "Shazia Parveen" })).toContainText("Online");
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await doctorPage.waitForURL(`**/consult/${consultationId}`);
  await doctorPage.getByRole("button", { name: "Join" }).click();
  await first.page.getByRole("link", { name: "Join the call" }).click({ timeout: 20_000 });
  await first.page.getByRole("button", { name: "Join" }).click();
  await expectRemoteVideoFlowing(doctorPage);

  // The phone dies: its browser is gone, cookies and all.
  const signedIn = await firstCtx.storageState();
  await firstCtx.close();

  await expect
    .poll(async () => (await sql`select status, call_dropped_at from consultations where id = ${consultationId}`)[0], {
      timeout: DROP_NOTICED_MS,
      message: "the consultation is back in the queue as a dropped call",
    })
    .toMatchObject({ status: "waiting", call_dropped_at: expect.any(Date) });
  const [audit] = await sql`select actor_id from audit_events where entity_id = ${consultationId} and action = 'consultation.call_dropped'`;
  expect(audit, "the drop is audited").toBeTruthy();

  // The doctor's queue has her back, saying why.
  await doctorPage.goto("/queue");
  await expect(doctorPage.getByRole("row").filter({ hasText: "Shazia Parveen" })).toContainText("Call broke off");
  await attachScreenshot(doctorPage, testInfo, "doctor's queue after the call dropped");

  // The phone comes back: the waiting room says what happened and that she is first.
  const backCtx = await phoneContext(browser, signedIn);
  const back = await backCtx.newPage();
  await back.goto(`/waiting/${consultationId}`);
  await expect(back.getByTestId("call-dropped")).toBeVisible();
  await expect(back.getByTestId("queue-place")).toHaveText("1");
  await attachScreenshot(back, testInfo, "patient's waiting room after the call dropped, 360 px");

  // The doctor calls her back into a new call.
  await expect(doctorPage.getByRole("row").filter({ hasText: "Shazia Parveen" })).toContainText("Online");
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await doctorPage.waitForURL(`**/consult/${consultationId}`);
  await expect(back.getByRole("link", { name: "Join the call" })).toBeVisible({ timeout: 20_000 });
  await Promise.all([backCtx.close(), doctorCtx.close()]);
});
