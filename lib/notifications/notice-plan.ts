import type { Locale } from "@/lib/i18n/config";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

/** What happened to an appointment that the patient should hear about. */
export type NoticeEvent = "booked" | "cancelled" | "rescheduled";

/** One SMS about an appointment; the names are the keys of the `sms` catalog namespace. */
export type NoticeKind = "bookingConfirmed" | "reminder24h" | "reminder15m" | "cancelled" | "rescheduled";

export type ReminderKind = Extract<NoticeKind, "reminder24h" | "reminder15m">;

/** A reminder goes out this long before the start: the evening before, and in time to check in. */
export const defaultReminders: readonly { kind: ReminderKind; minutesBefore: number }[] = [
  { kind: "reminder24h", minutesBefore: 24 * 60 },
  { kind: "reminder15m", minutesBefore: 15 },
];

export type PlannedNotice = { kind: NoticeKind; sendAt: Date };

const immediate: Record<NoticeEvent, NoticeKind> = {
  booked: "bookingConfirmed",
  cancelled: "cancelled",
  rescheduled: "rescheduled",
};

/**
 * The notices an appointment event calls for: one at once, and for a booking (or its new time)
 * the reminders whose time is still ahead. A reminder whose moment has passed is dropped rather
 * than sent late, because the confirmation that goes out now already names the time.
 */
export function planNotices(
  event: NoticeEvent,
  startsAt: Date,
  now: Date,
  reminders: readonly { kind: ReminderKind; minutesBefore: number }[] = defaultReminders,
): PlannedNotice[] {
  const plan: PlannedNotice[] = [{ kind: immediate[event], sendAt: now }];
  if (event === "cancelled") return plan;
  for (const reminder of reminders) {
    const sendAt = new Date(startsAt.getTime() - reminder.minutesBefore * 60_000);
    if (sendAt.getTime() > now.getTime()) plan.push({ kind: reminder.kind, sendAt });
  }
  return plan;
}

const keyPrefix: Record<NoticeKind, string> = {
  bookingConfirmed: "booking-confirmed",
  reminder24h: "reminder-24h",
  reminder15m: "reminder-15m",
  cancelled: "cancelled",
  rescheduled: "rescheduled",
};

/**
 * The `sms_outbox.dedupe_key` of a notice: at most one message per key ever reaches the gateway.
 * Reminders and reschedule notices carry the start time too, so that an appointment moved to a
 * new time is reminded of again, while a retried job for the same time is not.
 */
export function dedupeKeyFor(kind: NoticeKind, appointmentId: string, startsAt: Date): string {
  const once = kind === "bookingConfirmed" || kind === "cancelled";
  return once ? `${keyPrefix[kind]}:${appointmentId}` : `${keyPrefix[kind]}:${appointmentId}@${startsAt.toISOString()}`;
}

const live = new Set(["booked", "checked_in"]);

/**
 * Whether a notice planned for an appointment at `plannedStartsAt` still tells the truth when it
 * is due: a reminder for a cancelled, finished or moved appointment must not go out, nor one that
 * retries held back until the appointment had begun.
 */
export function noticeStillDue(
  kind: NoticeKind,
  appointment: { status: string; startsAt: Date },
  plannedStartsAt: Date,
  now: Date,
): boolean {
  if (kind === "cancelled") return appointment.status === "cancelled";
  if (!live.has(appointment.status) || appointment.startsAt.getTime() !== plannedStartsAt.getTime()) return false;
  const isReminder = kind === "reminder24h" || kind === "reminder15m";
  return !isReminder || now.getTime() < appointment.startsAt.getTime();
}

/** The appointment time as an SMS states it, e.g. "Tue, 24 Jun, 4:30 pm" or "منگل، 24 جون، 4:30 PM". */
export function formatNoticeTime(startsAt: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(`${locale}-PK`, {
    timeZone: CLINIC_TIME_ZONE,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
  }).format(startsAt);
}
