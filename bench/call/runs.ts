import type { Browser, BrowserContext, Page } from "@playwright/test";
import type postgres from "postgres";
import { PatientPages, freshPhone } from "../../e2e/support/pages";
import { RoomServiceClient, TrackSource } from "livekit-server-sdk";
import type { LiveKit } from "../../scripts/lib/livekit";
import { doctorContext, patientContext } from "../join/browser";
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

/**
 * The same measurement on the bare livekit-client page. As in a Rabta run, the far side joins a
 * fresh room just before (a desktop page publishing the same fake camera, as the doctor does on
 * admitting), and the viewer starts once LiveKit holds that camera: a far side that had been
 * publishing for minutes would already have ramped its bandwidth up, which the doctor has not.
 */
export async function joinBare(browser: Browser, bareUrl: string, livekit: LiveKit, run: number): Promise<Sample> {
  const room = `bench-bare-${run}`;
  const farSide = await doctorContext(browser, bareUrl);
  const context = await patientContext(browser, bareUrl);
  try {
    await (await farSide.newPage()).goto(`/?role=publisher&identity=bare-doctor-${run}&room=${room}`);
    await waitForCamera(livekit, room);
    const page = await context.newPage();
    await page.goto(`/?identity=bare-viewer-${run}&room=${room}`);
    await page.locator("#preview").waitFor({ state: "visible" });
    await page.locator("#join:enabled").waitFor({ timeout: STEP_TIMEOUT_MS });
    await armCallStopwatch(page, { joinLabel: "Join", remoteVideo: "#remote video", timeoutMs: STEP_TIMEOUT_MS });
    await page.locator("#join").click();
    return await readCallStopwatch(page);
  } finally {
    await context.close();
    await farSide.close();
  }
}

async function waitForCamera(livekit: LiveKit, room: string): Promise<void> {
  const rooms = new RoomServiceClient(livekit.url.replace(/^ws/, "http"), livekit.apiKey, livekit.apiSecret);
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const participants = await rooms.listParticipants(room).catch(() => []);
    if (participants.some((p) => p.tracks.some((t) => t.source === TrackSource.CAMERA))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the bare far side's camera was not published in ${room}`);
}
