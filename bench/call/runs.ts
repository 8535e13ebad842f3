import type { Browser, BrowserContext, Page } from "@playwright/test";
import type postgres from "postgres";
import { PatientPages, freshPhone } from "../../e2e/support/pages";
import { patientContext } from "../join/browser";
import { DOCTOR, type DoctorDesk } from "../join/doctor";
import { armCallStopwatch, readCallStopwatch } from "./measure";

const STEP_TIMEOUT_MS = 30_000;
const RABTA_REMOTE_VIDEO = '.lk-participant-tile[data-lk-local-participant="false"] video';

export type Sample = { frameMs: number; audioMs: number };
export type RabtaDeps = { browser: Browser; baseUrl: string; doctor: DoctorDesk; sql: postgres.Sql };

/** A consultation admitted and joined by the doctor, the patient on the call page's device check. */
export type OpenConsult = { context: BrowserContext; page: Page; consultationId: string };

export async function openConsult(label: string, { browser, baseUrl, doctor }: RabtaDeps): Promise<OpenConsult> {
  const context = await patientContext(browser, baseUrl);
  try {
    const page = await context.newPage();
    const patient = new PatientPages(page);
    const name = `Bench Call ${label}`;
    await patient.signIn(freshPhone());
    await patient.register(name, "1985-06-15");
    await patient.bookFirstSlotWith(DOCTOR.name);
    const consultationId = await patient.checkIn();
    await doctor.admitAndJoin(name, consultationId, STEP_TIMEOUT_MS);
    await page.getByRole("link", { name: "Join the call" }).click();
    await page.waitForURL(`**/consult/${consultationId}`);
    // The device check's preview shows the camera, and Join is enabled once the tracks are open.
    await page.locator("video").first().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
    await page.getByRole("button", { name: "Join", exact: true }).and(page.locator(":enabled")).waitFor({ timeout: STEP_TIMEOUT_MS });
    return { context, page, consultationId };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Clicks Join on Rabta's call page; click → the doctor's first frame on screen, and → first inbound audio. */
export async function joinRabta(consult: OpenConsult): Promise<Sample> {
  await armCallStopwatch(consult.page, { joinLabel: "Join", remoteVideo: RABTA_REMOTE_VIDEO, timeoutMs: STEP_TIMEOUT_MS });
  await consult.page.getByRole("button", { name: "Join", exact: true }).click();
  return readCallStopwatch(consult.page);
}

/**
 * Ends the consultation and frees its slot: with the seeded 15-minute slots only the next one
 * can be checked in to, and a completed appointment keeps it (as bench/join/join-run.ts does).
 */
export async function closeConsult(consult: OpenConsult, { doctor, sql }: RabtaDeps): Promise<void> {
  await doctor.endConsultation();
  await sql`update appointments set status = 'cancelled' where id = (select appointment_id from consultations where id = ${consult.consultationId})`;
  await consult.context.close();
}

/** The same measurement on the bare livekit-client page, joining the room its publisher is in. */
export async function joinBare(browser: Browser, bareUrl: string, identity: string): Promise<Sample> {
  const context = await patientContext(browser, bareUrl);
  try {
    const page = await context.newPage();
    await page.goto(`/?identity=${identity}`);
    await page.locator("#preview").waitFor({ state: "visible" });
    await page.locator("#join:enabled").waitFor({ timeout: STEP_TIMEOUT_MS });
    await armCallStopwatch(page, { joinLabel: "Join", remoteVideo: "#remote video", timeoutMs: STEP_TIMEOUT_MS });
    await page.locator("#join").click();
    return await readCallStopwatch(page);
  } finally {
    await context.close();
  }
}
