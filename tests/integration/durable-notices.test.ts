import { spawn } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { appointments } from "@/db/schema";
import { cancelAppointment, rescheduleAppointment } from "@/lib/booking/change-appointment";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { QUEUES, stopJobs } from "@/lib/jobs/queue";
import { createDoctor, createPatientAccount, queuedJobs, waitFor } from "./fixtures";

const DAY_MS = 24 * 60 * 60_000;
const tsx = path.resolve("node_modules/.bin/tsx");
const child = path.resolve("tests/integration/support/book-in-child.ts");

afterAll(() => stopJobs());


/** A booking process of its own, started and told to go by the test. */
function bookingProcess(args: unknown) {
  const proc = spawn(tsx, [child, JSON.stringify(args)], { env: process.env, stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  proc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => proc.on("exit", () => resolve()));
  return {
    ready: () => waitFor(async () => output.includes("ready"), "the booking process to start its job queue"),
    go: () => proc.stdin.write("go\n"),
    kill: () => proc.kill("SIGKILL"),
    exited,
  };
}

/** True while some session waits for a lock on pg-boss's job table (or one of its partitions). */
async function someoneWaitsOnJobs(): Promise<boolean> {
  const [row] = await db().execute<{ waiting: number }>(sql`
    select count(*)::int as waiting from pg_locks l join pg_class c on c.oid = l.relation
    join pg_namespace n on n.oid = c.relnamespace where not l.granted and n.nspname = 'pgboss'`);
  return (row?.waiting ?? 0) > 0;
}

describe("notices are queued in the transaction of the change", () => {
  it("a booking process killed right after its commit still leaves the confirmation and both reminders queued", async () => {
    const doctor = await createDoctor();
    const patient = await createPatientAccount();
    const [slot] = await listOpenSlots(doctor.id, new Date(Date.now() + 3 * DAY_MS));
    const booking = bookingProcess({ actor: patient.actor, input: { patientId: patient.patient.id, clinicianId: doctor.id, ...slot! } });
    await booking.ready();
    const appointmentOf = async () =>
      (await db().select({ id: appointments.id }).from(appointments).where(eq(appointments.patientId, patient.patient.id)))[0];

    // While this lock is held nobody can write a job. Work that enqueues after its commit shows
    // its appointment now, with the jobs still to come; work that enqueues inside its
    // transaction cannot commit until the lock goes.
    const locker = await db().$client.reserve();
    try {
      await locker`begin`;
      await locker`lock table pgboss.job in exclusive mode`;
      booking.go();
      await waitFor(async () => (await someoneWaitsOnJobs()) || (await appointmentOf()), "the booking to commit or to wait for the lock");
      // Still under the lock: an appointment visible now was committed before its jobs.
      const committedBeforeItsJobs = Boolean(await appointmentOf());
      if (committedBeforeItsJobs) booking.kill();
      await locker`commit`;
      if (!committedBeforeItsJobs) {
        await waitFor(appointmentOf, "the booking to commit");
        booking.kill();
      }
    } finally {
      locker.release();
    }
    await booking.exited;

    const appointment = await appointmentOf();
    expect(appointment).toBeDefined();
    const kinds = (await queuedJobs(QUEUES.appointmentNotice, "appointmentId", appointment!.id)).map((job) => job.data.kind);
    expect(kinds.sort()).toEqual(["bookingConfirmed", "reminder15m", "reminder24h"]);
  });

  it("cancelling and moving queue their notices as they commit", async () => {
    const doctor = await createDoctor();
    const patient = await createPatientAccount();
    const [first, second] = await listOpenSlots(doctor.id, new Date(Date.now() + 3 * DAY_MS));
    const booked = await bookAppointment(patient.actor, { patientId: patient.patient.id, clinicianId: doctor.id, ...first! });
    const moved = await rescheduleAppointment(patient.actor, booked.id, second!);
    const kindsOf = async (id: string) => (await queuedJobs(QUEUES.appointmentNotice, "appointmentId", id)).map((job) => job.data.kind).sort();
    expect(await kindsOf(moved.id)).toEqual(["reminder15m", "reminder24h", "rescheduled"]);
    await cancelAppointment(patient.actor, moved.id, { reason: "feeling_better" });
    expect(await kindsOf(moved.id)).toEqual(["cancelled", "reminder15m", "reminder24h", "rescheduled"]);
  });
});
