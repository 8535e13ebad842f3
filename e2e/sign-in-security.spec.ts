import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { TEST_PASSWORD, insertDoctor } from "./support/accounts";
import { ClinicianPages, PatientPages, codeFromOutbox, freshPhone } from "./support/pages";

const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => sql.end());

const PASSWORD = TEST_PASSWORD;

/** A doctor of this test alone, so that locking or idling them out disturbs no other test. */
function freshDoctor(): Promise<{ id: string; email: string }> {
  return insertDoctor(sql, "Dr. Shared Device");
}

/**
 * One attempt, finished before the next begins: two refusals in a row read the same, and React
 * clears the password field when an answer arrives, so typing ahead of it would be lost.
 */
async function submitStaffSignIn(page: Page, email: string, password: string, labels = { email: "Email", password: "Password", button: "Sign in" }) {
  const button = page.getByRole("button", { name: labels.button, exact: true });
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in/staff");
  await button.click();
  await answered;
  await expect(button).toBeEnabled();
}

/** The user's open session; `idleFor` pretends nothing was done on it for that long (a clock, not a sleep). */
async function openSession(userId: string) {
  const [row] = await sql<{ id: string }[]>`select id from user_sessions where user_id = ${userId} and ended_at is null`;
  return {
    id: row!.id,
    idleFor: (interval: string) => sql`update user_sessions set last_activity_at = now() - ${interval}::interval where id = ${row!.id}`,
    secondsSinceActivity: async () => {
      const [r] = await sql<{ s: number }[]>`select extract(epoch from now() - last_activity_at)::float8 as s from user_sessions where id = ${row!.id}`;
      return r!.s;
    },
    ending: async () => (await sql<{ end_reason: string | null }[]>`select end_reason from user_sessions where id = ${row!.id}`)[0]!.end_reason,
  };
}

test("a staff account locked by wrong passwords refuses the right one too, saying for how long, in English and Urdu", async ({ page }) => {
  const doctor = await freshDoctor();
  const alert = page.getByRole("main").getByRole("alert");
  await page.goto("/sign-in/staff");

  await submitStaffSignIn(page, doctor.email, "wrong-1");
  await expect(alert).toHaveText("Email or password is not right.");
  await submitStaffSignIn(page, doctor.email, "wrong-2");
  await expect(alert).toHaveText("Email or password is not right.");
  await submitStaffSignIn(page, doctor.email, "wrong-3");
  await expect(alert).toHaveText("Email or password is not right. Wait 5 seconds before you try again.");
  await submitStaffSignIn(page, doctor.email, "wrong-4");
  await expect(alert).toHaveText(/^Too many attempts\. Try again in [1-5] seconds?\.$/);

  // Keep guessing as soon as the page allows, through the waits, until the account locks.
  await expect(async () => {
    await submitStaffSignIn(page, doctor.email, "still-wrong");
    await expect(alert).toHaveText("Too many attempts. Try again in 15 minutes.", { timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000] });

  await submitStaffSignIn(page, doctor.email, PASSWORD);
  await expect(alert).toHaveText("Too many attempts. Try again in 15 minutes.");
  await expect(alert).toBeInViewport();
  expect(new URL(page.url()).pathname).toBe("/sign-in/staff");

  await page.getByRole("button", { name: "اردو" }).click();
  await expect(page.getByRole("heading", { name: "عملے کا سائن اِن" })).toBeVisible();
  await submitStaffSignIn(page, doctor.email, PASSWORD, { email: "ای میل", password: "پاس ورڈ", button: "سائن اِن کریں" });
  await expect(alert).toHaveText("بہت زیادہ کوششیں ہو چکی ہیں۔ 15 منٹ بعد دوبارہ کوشش کریں۔");
  await page.screenshot({ path: ".data/test-results/screens/staff-sign-in-locked-ur.png" });
  expect(new URL(page.url()).pathname).toBe("/sign-in/staff");

  const locks = await sql`select details from audit_events where action = 'sign_in.account_locked' and entity_id = ${doctor.id}`;
  expect(locks).toHaveLength(1);
  expect(locks[0]!.details).toMatchObject({ email: doctor.email, failures: 5 });
});

test("a staff page warns a minute before the idle sign-out, and Stay signed in keeps the session", async ({ page }) => {
  const doctor = await freshDoctor();
  await new ClinicianPages(page).signIn(doctor.email, PASSWORD);
  const session = await openSession(doctor.id);

  // As if the doctor had left the queue page alone for 14½ minutes.
  await session.idleFor("14 minutes 30 seconds");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Waiting patients" })).toBeVisible();
  const warning = page.getByRole("alertdialog");
  await expect(warning).toBeVisible();
  await expect(warning).toBeInViewport();
  await expect(warning).toContainText(/You will be signed out in \d+ s/);
  await page.screenshot({ path: ".data/test-results/screens/staff-idle-warning.png" });
  // Loading the page and holding its live queue stream open are not activity.
  expect(await session.secondsSinceActivity()).toBeGreaterThan(14 * 60);

  await warning.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning).toBeHidden();
  await expect.poll(() => session.secondsSinceActivity()).toBeLessThan(60);

  await page.reload();
  await expect(page.getByRole("heading", { name: "Waiting patients" })).toBeVisible();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
});

test("an idle staff session ends: the page goes to the staff sign-in with the reason, and the server refuses it", async ({ page }) => {
  const doctor = await freshDoctor();
  await new ClinicianPages(page).signIn(doctor.email, PASSWORD);
  const session = await openSession(doctor.id);

  // Ten seconds before the limit: the warning counts down, nobody answers it.
  await session.idleFor("14 minutes 50 seconds");
  await page.reload();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.waitForURL("**/sign-in/staff?signedOut=idle", { timeout: 30_000 });
  const notice = page.getByRole("status").filter({ hasText: "signed out" });
  await expect(notice).toHaveText("You were signed out after 15 minutes without activity. Sign in again to continue.");
  await expect(notice).toBeInViewport();
  expect(await session.ending()).toBe("idle");

  // The cookie is still in the browser; the session it names is over.
  await page.goto("/queue");
  await page.waitForURL("**/sign-in/staff?signedOut=idle");
  const token = await page.request.get("/api/session/activity");
  expect(token.status()).toBe(401);
});

test("sign-out ends the session on the server: its cookie, kept and sent again, opens nothing", async ({ page, context }) => {
  const doctor = await freshDoctor();
  await new ClinicianPages(page).signIn(doctor.email, PASSWORD);
  const session = await openSession(doctor.id);
  const cookies = await context.cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in");
  expect(await session.ending()).toBe("signed_out");

  await context.addCookies(cookies);
  await page.goto("/queue");
  await page.waitForURL("**/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
});

test("an X-Forwarded-For header from the client is ignored: codes posted straight to Auth.js count against the socket's address", async ({ page }) => {
  const phone = freshPhone();
  await new PatientPages(page).requestCode(phone.local);
  const code = await codeFromOutbox(page, phone.e164);
  const counted = async (key: string) => (await sql<{ n: number }[]>`select coalesce(sum(count), 0)::int as n from rate_limit_counters where key = ${key}`)[0]!.n;
  const before = await counted("otp_check:client:127.0.0.1");

  const spoofed = ["203.0.113.7", "198.51.100.23", "192.0.2.99"];
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const address of spoofed) {
    const response = await page.request.post("/api/auth/callback/otp", {
      form: { csrfToken, phone: phone.e164, code: code === "000000" ? "111111" : "000000", callbackUrl: "/" },
      // Both the standard header and a forged copy of the app's own are the client's words, not facts.
      headers: { "x-forwarded-for": address, "x-rabta-peer": `forged ${address}` },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toContain("code=wrong");
  }
  expect(await counted("otp_check:client:127.0.0.1")).toBe(before + spoofed.length);
  for (const address of spoofed) expect(await counted(`otp_check:client:${address}`)).toBe(0);
});
