import type { Browser } from "@playwright/test";
import type postgres from "postgres";
import { inboundVideo } from "../../e2e/support/media";
import { PatientPages, freshPhone } from "../../e2e/support/pages";
import { describe } from "../../scripts/lib/proc";
import { patientContext } from "./browser";
import { DOCTOR, type DoctorDesk } from "./doctor";
import { armJoinStopwatch, readJoinStopwatch, waitForCameraPreview } from "./first-frame";

const STEP_TIMEOUT_MS = 30_000;

export type JoinRunDeps = { browser: Browser; baseUrl: string; doctor: DoctorDesk; sql: postgres.Sql };

/** One consultation from a brand-new patient's sign-in to the end of the call; returns the join time. */
export async function joinRun(run: number, { browser, baseUrl, doctor, sql }: JoinRunDeps): Promise<number> {
  const context = await patientContext(browser, baseUrl);
  try {
    const page = await context.newPage();
    const patient = new PatientPages(page);
    const name = `Bench Patient ${run}`;
    const t0 = Date.now();
    const steps: string[] = [];
    const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      try {
        return await work();
      } catch (error) {
        const alerts = await page.getByRole("alert").allTextContents().catch(() => []);
        throw new Error(`${label} failed at +${started - t0} ms after ${Date.now() - started} ms on ${page.url()} (alerts: ${JSON.stringify(alerts)}; steps: ${steps.join(", ")}): ${describe(error)}`);
      } finally {
        steps.push(`${label} ${Date.now() - started}`);
      }
    };
    await step("sign-in", () => patient.signIn(freshPhone()));
    await step("register", () => patient.register(name, "1985-06-15"));
    await step("book", () => patient.bookFirstSlotWith(DOCTOR.name));
    const consultationId = await step("check-in", () => patient.checkIn());

    await step("admit", () => doctor.admitAndJoin(name, consultationId, STEP_TIMEOUT_MS));
    console.log(`run ${run} steps (ms): ${steps.join(", ")}`);

    // The waiting room polls every few seconds before it offers the link.
    await page.getByRole("link", { name: "Join the call" }).click();
    await page.waitForURL(`**/consult/${consultationId}`);
    await waitForCameraPreview(page, STEP_TIMEOUT_MS);
    await armJoinStopwatch(page, STEP_TIMEOUT_MS);
    await page.getByRole("button", { name: "Join" }).click();
    const ms = await readJoinStopwatch(page).catch(async (error: unknown) => {
      const inbound = await inboundVideo(page).catch(() => "unreadable");
      throw new Error(`${describe(error)}; patient's inbound video RTP: ${JSON.stringify(inbound)}`);
    });

    await doctor.endConsultation();
    await releaseSlot(sql, consultationId);
    return ms;
  } finally {
    await context.close();
  }
}

/**
 * With the seeded 15-minute slots, only the next slot is ever open for check-in, and a completed
 * appointment keeps it taken. Cancelling it in the bench's throwaway database lets the next
 * run's patient book and check in at once instead of waiting up to 15 minutes.
 */
async function releaseSlot(sql: postgres.Sql, consultationId: string): Promise<void> {
  await sql`
    update appointments set status = 'cancelled'
    where id = (select appointment_id from consultations where id = ${consultationId})`;
}
