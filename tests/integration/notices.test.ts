import { eq, inArray, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { db } from "@/db";
import { appointments, smsOutbox, users } from "@/db/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { markNoShows, NO_SHOW_GRACE_MINUTES } from "@/lib/booking/no-show";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { jobHandlers } from "@/lib/job-handlers";
import { jobQueue, openJobQueue, processDueJobs, QUEUES, startJobs, stopJobs } from "@/lib/jobs/queue";
import { deliverAppointmentNotice, type AppointmentNoticeJob } from "@/lib/notifications/appointment-notices";
import { dedupeKeyFor } from "@/lib/notifications/notice-plan";
import { checkIn } from "@/lib/queue/check-in";
import { createDoctor, createPatientAccount, waitFor } from "./fixtures";

const DAY_MS = 24 * 60 * 60_000;

// The dev gateway's one side effect is this log line, so counting it counts real sends, which
// is what "never twice" is about (an outbox row could exist without a send, or the reverse).
let gateway: MockInstance<typeof console.info>;
const sendsTo = (phone: string) =>
  gateway.mock.calls.map((args) => String(args[0])).filter((line) => line.startsWith(`[sms:dev] to ${phone}:`));


async function patientWithLanguage(locale: "ur" | "en") {
  const account = await createPatientAccount();
  // Set by sign-in in the app; there is no use case for it, so the fixture writes it.
  const [user] = await db().update(users).set({ locale }).where(eq(users.id, account.actor.id)).returning();
  return { ...account, phone: user!.phone! };
}

async function bookDaysAhead(days: number, locale: "ur" | "en" = "ur") {
  const doctor = await createDoctor();
  const patient = await patientWithLanguage(locale);
  const [slot] = await listOpenSlots(doctor.id, new Date(Date.now() + days * DAY_MS));
  const appointment = await bookAppointment(patient.actor, { patientId: patient.patient.id, clinicianId: doctor.id, ...slot! });
  return { doctor, patient, appointment };
}

async function outboxRows(dedupeKey: string) {
  return db().select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, dedupeKey));
}

/** Queues a notice that is due now, as pg-boss holds a reminder once its start time arrives. */
async function enqueueDueNotice(boss: PgBoss, data: AppointmentNoticeJob): Promise<string> {
  const id = crypto.randomUUID();
  await boss.insert([{ id, name: QUEUES.appointmentNotice, data }]);
  return id;
}

let boss: PgBoss;

beforeAll(async () => {
  boss = await jobQueue();
});

beforeEach(() => {
  gateway = vi.spyOn(console, "info").mockImplementation(() => {});
});

afterEach(() => {
  gateway.mockRestore();
});

afterAll(async () => {
  await stopJobs();
});

describe("appointment notices", () => {
  it("confirms a booking once, in the managing account's language, and plans both reminders", async () => {
    const english = await bookDaysAhead(3, "en");
    const urdu = await bookDaysAhead(3, "ur");

    await processDueJobs(boss, jobHandlers, [QUEUES.appointmentNotice]);
    await processDueJobs(boss, jobHandlers, [QUEUES.appointmentNotice]);

    const [en] = await outboxRows(dedupeKeyFor("bookingConfirmed", english.appointment.id, english.appointment.startsAt));
    expect(en).toMatchObject({ status: "sent", toPhone: english.patient.phone });
    expect(en!.body).toContain(english.patient.patient.fullName);
    expect(en!.body).toContain(english.doctor.name);
    expect(en!.body).toMatch(/^Rabta: .* is booked for /);
    const karachi = new Intl.DateTimeFormat("en-PK", { timeZone: "Asia/Karachi", hour: "numeric", minute: "2-digit" });
    expect(en!.body).toContain(karachi.format(english.appointment.startsAt));
    expect(sendsTo(english.patient.phone)).toHaveLength(1);

    const [ur] = await outboxRows(dedupeKeyFor("bookingConfirmed", urdu.appointment.id, urdu.appointment.startsAt));
    expect(ur).toMatchObject({ status: "sent", toPhone: urdu.patient.phone });
    expect(ur!.body).toContain("بُک ہو گئی ہے");
    expect(sendsTo(urdu.patient.phone)).toHaveLength(1);

    const planned = await db().execute<{ kind: string; start_after: string }>(
      sql`select data->>'kind' as kind, start_after from pgboss.job
          where name = ${QUEUES.appointmentNotice} and data->>'appointmentId' = ${english.appointment.id}
            and data->>'kind' like 'reminder%' order by start_after`,
    );
    const startsAt = english.appointment.startsAt.getTime();
    expect(planned.map((job) => [job.kind, new Date(job.start_after).getTime()])).toEqual([
      ["reminder24h", startsAt - DAY_MS],
      ["reminder15m", startsAt - 15 * 60_000],
    ]);
  });

  it("does not confirm again when a retried booking returns the earlier one", async () => {
    const doctor = await createDoctor();
    const patient = await patientWithLanguage("en");
    const [slot] = await listOpenSlots(doctor.id, new Date(Date.now() + 2 * DAY_MS));
    const input = { patientId: patient.patient.id, clinicianId: doctor.id, ...slot!, idempotencyKey: crypto.randomUUID() };
    const first = await bookAppointment(patient.actor, input);
    const again = await bookAppointment(patient.actor, input);
    expect(again.id).toBe(first.id);

    const queued = await db().execute<{ count: string }>(
      sql`select count(*) from pgboss.job where name = ${QUEUES.appointmentNotice}
          and data->>'appointmentId' = ${first.id} and data->>'kind' = 'bookingConfirmed'`,
    );
    expect(Number(queued[0]!.count)).toBe(1);
  });

  it("sends a due 24 h reminder exactly once when its worker dies after sending and the job is retried elsewhere", async () => {
    const { patient, appointment } = await bookDaysAhead(2, "en");
    // Jobs of this queue now expire 1 s after a worker takes them and retry at once, so the
    // crash below is recovered from within the test instead of after 5 minutes.
    const policy = { expireInSeconds: 1, retryDelay: 0, retryBackoff: false };
    const first = await openJobQueue({ policy });
    await processDueJobs(first, jobHandlers, [QUEUES.appointmentNotice]);
    const data = { kind: "reminder24h", appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() } as const;
    const jobId = await enqueueDueNotice(first, data);

    // The first instance takes the job and sends, then dies before it can mark the job done.
    const taken = await first.fetch<AppointmentNoticeJob>(QUEUES.appointmentNotice, { batchSize: 50 });
    const job = taken.find((j) => j.id === jobId);
    expect(job).toBeDefined();
    expect(await deliverAppointmentNotice(job!.data)).toBe("sent");
    await first.stop({ graceful: false });

    // A restarted instance with workers: once pg-boss expires the dead worker's job, it retries it.
    const second = await openJobQueue({ policy, workers: jobHandlers, pollingIntervalSeconds: 0.5 });
    try {
      const done = await waitFor(async () => {
        await second.maintain();
        const state = await second.getJobById<AppointmentNoticeJob>(QUEUES.appointmentNotice, jobId, { includeArchive: true });
        return state?.state === "completed" && state;
      }, "the retried reminder job to complete");
      expect(done.retryCount).toBeGreaterThanOrEqual(1);
    } finally {
      await second.stop({ graceful: true, timeout: 5_000 });
      // Opening an instance with no overrides puts the queue's normal retry policy back.
      await (await openJobQueue()).stop();
    }

    const key = dedupeKeyFor("reminder24h", appointment.id, appointment.startsAt);
    expect(await outboxRows(key)).toMatchObject([{ status: "sent" }]);
    const reminders = sendsTo(patient.phone).filter((line) => line.includes("Rabta reminder"));
    expect(reminders).toHaveLength(1);
  });

  it("sends once when the same notice job runs twice at the same moment", async () => {
    const { patient, appointment } = await bookDaysAhead(2, "ur");
    await processDueJobs(boss, jobHandlers, [QUEUES.appointmentNotice]);
    gateway.mockClear();
    const data = { kind: "reminder15m", appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() } as const;

    const results = await Promise.all([deliverAppointmentNotice(data), deliverAppointmentNotice(data), deliverAppointmentNotice(data)]);

    expect(results.filter((r) => r === "sent")).toHaveLength(1);
    expect(results.filter((r) => r === "already_handled")).toHaveLength(2);
    expect(sendsTo(patient.phone)).toHaveLength(1);
  });

  it("never resends a message an earlier attempt claimed but did not confirm", async () => {
    const { patient, appointment } = await bookDaysAhead(2, "en");
    await processDueJobs(boss, jobHandlers, [QUEUES.appointmentNotice]);
    gateway.mockClear();
    const key = dedupeKeyFor("reminder15m", appointment.id, appointment.startsAt);
    // What a worker that crashed between claiming the row and hearing back from the gateway leaves.
    await db().insert(smsOutbox).values({ toPhone: patient.phone, body: "claimed", provider: "dev", dedupeKey: key });

    const data = { kind: "reminder15m", appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() } as const;
    expect(await deliverAppointmentNotice(data)).toBe("already_handled");
    expect(sendsTo(patient.phone)).toHaveLength(0);
  });

  it("sends again after the gateway refused an earlier attempt", async () => {
    const { patient, appointment } = await bookDaysAhead(2, "en");
    await processDueJobs(boss, jobHandlers, [QUEUES.appointmentNotice]);
    gateway.mockClear();
    const key = dedupeKeyFor("reminder15m", appointment.id, appointment.startsAt);
    // What an attempt leaves when the gateway answered with an error: nothing reached the phone.
    await db().insert(smsOutbox).values({ toPhone: patient.phone, body: "refused", provider: "dev", dedupeKey: key, status: "failed", error: "SMS gateway answered 503" });

    const data = { kind: "reminder15m", appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() } as const;
    expect(await deliverAppointmentNotice(data)).toBe("sent");
    expect(await outboxRows(key)).toMatchObject([{ status: "sent", error: null }]);
    expect(sendsTo(patient.phone)).toHaveLength(1);
  });

  it("does not send the reminder of an appointment that was cancelled or moved", async () => {
    const cancelled = await bookDaysAhead(2, "en");
    const moved = await bookDaysAhead(2, "en");
    await processDueJobs(boss, jobHandlers, [QUEUES.appointmentNotice]);
    gateway.mockClear();
    // The cancel and reschedule use cases are another change; their effect on the row is this.
    await db().update(appointments).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(appointments.id, cancelled.appointment.id));
    const later = new Date(moved.appointment.startsAt.getTime() + 60 * 60_000);
    await db()
      .update(appointments)
      .set({ startsAt: later, endsAt: new Date(later.getTime() + 15 * 60_000) })
      .where(eq(appointments.id, moved.appointment.id));

    const jobIds = [];
    for (const { appointment } of [cancelled, moved]) {
      jobIds.push(
        await enqueueDueNotice(boss, { kind: "reminder24h", appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() }),
      );
    }
    await processDueJobs(boss, jobHandlers, [QUEUES.appointmentNotice]);

    for (const id of jobIds) {
      expect((await boss.getJobById(QUEUES.appointmentNotice, id))?.state).toBe("completed");
    }
    for (const { appointment, patient } of [cancelled, moved]) {
      expect(await outboxRows(dedupeKeyFor("reminder24h", appointment.id, appointment.startsAt))).toHaveLength(0);
      expect(sendsTo(patient.phone)).toHaveLength(0);
    }
  });
});

describe("no-show marking", () => {
  it("marks booked appointments past their end plus the grace period, and only those", async () => {
    const doctor = await createDoctor();
    const [slot] = await listOpenSlots(doctor.id);
    const missed = await createPatientAccount();
    const missedAppointment = await bookAppointment(missed.actor, { patientId: missed.patient.id, clinicianId: doctor.id, ...slot! });
    const other = await createDoctor();
    const [otherSlot] = await listOpenSlots(other.id);
    const present = await createPatientAccount();
    const presentAppointment = await bookAppointment(present.actor, { patientId: present.patient.id, clinicianId: other.id, ...otherSlot! });
    await checkIn(present.actor, presentAppointment.id);

    const endsAt = missedAppointment.endsAt.getTime();
    const within = await markNoShows(new Date(endsAt + (NO_SHOW_GRACE_MINUTES - 1) * 60_000));
    expect(within).not.toContain(missedAppointment.id);
    const after = await markNoShows(new Date(endsAt + (NO_SHOW_GRACE_MINUTES + 1) * 60_000));
    expect(after).toContain(missedAppointment.id);
    expect(after).not.toContain(presentAppointment.id);
    expect(await markNoShows(new Date(endsAt + (NO_SHOW_GRACE_MINUTES + 1) * 60_000))).not.toContain(missedAppointment.id);

    const rows = await db()
      .select({ id: appointments.id, status: appointments.status })
      .from(appointments)
      .where(inArray(appointments.id, [missedAppointment.id, presentAppointment.id]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [missedAppointment.id]: "no_show",
      [presentAppointment.id]: "checked_in",
    });
  });

  it("is scheduled on the queue every minute by the instance that runs the workers", async () => {
    const running = await startJobs(jobHandlers, { pollingIntervalSeconds: 0.5 });
    const schedules = await running.getSchedules();
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: QUEUES.noShow, cron: "* * * * *" })]));
  });
});
