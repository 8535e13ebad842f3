import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { appointments, patients, users } from "@/db/schema";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { defaultLocale, serverTranslator } from "@/lib/i18n/config";
import { sendSmsOnce, type SendOnceResult } from "@/lib/sms/send-sms";
import { dedupeKeyFor, formatNoticeTime, noticeStillDue, planNotices, type NoticeEvent } from "./notice-plan";

/** The payload of one `appointment-notice` job, as stored by pg-boss. */
export const appointmentNoticeJob = z.object({
  kind: z.enum(["bookingConfirmed", "reminder24h", "reminder15m", "cancelled", "rescheduled"]),
  appointmentId: z.uuid(),
  // The start time the notice was planned for: a reminder for a time that has since moved is stale.
  startsAt: z.iso.datetime(),
});
export type AppointmentNoticeJob = z.infer<typeof appointmentNoticeJob>;

/**
 * Queues the SMS an appointment event calls for, in the patient's language: the confirmation or
 * notice at once, and the reminders (24 hours and 15 minutes before) for later. Runs inside the
 * transaction that changes the appointment, after the caller's permission check, so the jobs
 * commit with the change or not at all: a patient told "booked" always gets their messages.
 */
export async function scheduleAppointmentNotices(
  tx: Transaction,
  appointment: { id: string; startsAt: Date },
  event: NoticeEvent,
): Promise<void> {
  const startsAt = appointment.startsAt.toISOString();
  const now = new Date();
  const jobs = planNotices(event, appointment.startsAt, now).map((notice) => ({
    name: QUEUES.appointmentNotice,
    data: { kind: notice.kind, appointmentId: appointment.id, startsAt } satisfies AppointmentNoticeJob,
    ...(notice.sendAt > now ? { startAfter: notice.sendAt } : {}),
  }));
  await enqueueInTransaction(tx, jobs);
}

const account = alias(users, "account");
const clinician = alias(users, "clinician");

/**
 * The worker side: re-reads the appointment, and sends the notice only if it still holds (a
 * reminder for a cancelled or moved appointment is dropped), to the phone of the account that
 * manages the patient, in that account's language. Sending goes through the outbox's dedupe key,
 * so a job run twice (retried after a crash, on another instance) texts the patient once.
 */
export async function deliverAppointmentNotice(payload: unknown): Promise<SendOnceResult | "stale"> {
  const job = appointmentNoticeJob.parse(payload);
  const plannedStartsAt = new Date(job.startsAt);
  const [row] = await db()
    .select({
      status: appointments.status,
      startsAt: appointments.startsAt,
      patientName: patients.fullName,
      patientPhone: patients.phone,
      accountPhone: account.phone,
      accountLocale: account.locale,
      clinicianName: clinician.name,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(account, eq(account.id, patients.accountId))
    .innerJoin(clinician, eq(clinician.id, appointments.clinicianId))
    .where(eq(appointments.id, job.appointmentId));
  // A walk-in registered by staff has no account; their own phone, if any, gets Urdu.
  const phone = row?.accountPhone ?? row?.patientPhone;
  if (!row || !phone || !noticeStillDue(job.kind, row, plannedStartsAt, new Date())) return "stale";

  const locale = row.accountLocale ?? defaultLocale;
  const body = serverTranslator(locale, "sms")(job.kind, {
    patient: row.patientName,
    clinician: row.clinicianName,
    time: formatNoticeTime(row.startsAt, locale),
  });
  return sendSmsOnce(dedupeKeyFor(job.kind, job.appointmentId, plannedStartsAt), phone, body);
}
