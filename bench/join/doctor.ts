import { expect as playwrightExpect, type Browser, type Page } from "@playwright/test";
import { RoomServiceClient, TrackSource } from "livekit-server-sdk";
import { DEMO_PASSWORD } from "../../db/seed";
import { ClinicianPages } from "../../e2e/support/pages";
import { roomNameFor } from "../../lib/queue/rules";
import type { LiveKit } from "../../scripts/lib/livekit";
import { doctorContext } from "./browser";
import { EXPECT_TIMEOUT_MS } from "../../e2e/support/timeouts";

// The suite's wait, also when a bench drives these pages outside the test runner.
const expect = playwrightExpect.configure({ timeout: EXPECT_TIMEOUT_MS });

export const DOCTOR = { name: "Dr. Ayesha Khan", email: "doctor@rabta.local" };

/** The demo doctor at her desk: signed in once, then admitting one bench patient per run. */
export class DoctorDesk {
  private constructor(
    /** The doctor's page (bench/cluster reads its media). */
    readonly page: Page,
    private readonly rooms: RoomServiceClient,
  ) {}

  static async open(browser: Browser, baseUrl: string, livekit: LiveKit): Promise<DoctorDesk> {
    const page = await (await doctorContext(browser, baseUrl)).newPage();
    await new ClinicianPages(page).signIn(DOCTOR.email, DEMO_PASSWORD);
    const rooms = new RoomServiceClient(livekit.url.replace(/^ws/, "http"), livekit.apiKey, livekit.apiSecret);
    return new DoctorDesk(page, rooms);
  }

  /**
   * Admits the patient and joins the call, returning once LiveKit holds her published camera,
   * so that the patient's measured join never includes the doctor's own join.
   */
  async admitAndJoin(patientName: string, consultationId: string, timeoutMs: number): Promise<void> {
    await this.page.goto("/queue");
    await expect(this.page.getByRole("cell", { name: patientName })).toBeVisible();
    await this.page.getByRole("button", { name: "Admit next patient" }).click();
    await this.page.waitForURL(`**/consult/${consultationId}`);
    await this.page.getByRole("button", { name: "Join" }).click();
    await this.waitForPublishedCamera(roomNameFor(consultationId), timeoutMs);
  }

  async endConsultation(): Promise<void> {
    await this.page.getByRole("button", { name: "End consultation" }).click();
    await this.page.waitForURL("**/queue");
  }

  private async waitForPublishedCamera(room: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      // The room does not exist until the first participant connects.
      const participants = await this.rooms.listParticipants(room).catch(() => []);
      if (participants.some((p) => p.tracks.some((t) => t.source === TrackSource.CAMERA))) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the doctor's camera was not published in ${room} within ${timeoutMs} ms`);
  }
}
