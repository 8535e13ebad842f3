import { sql } from "drizzle-orm";
import { index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { appointmentStatus, availabilityExceptionKind, careNeed } from "./pg-enums";
import { users, facilities, patients } from "./identity";

/** A clinician's weekly recurring availability, in clinic local time (Asia/Karachi). */
export const availabilityRules = pgTable(
  "availability_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicianId: uuid("clinician_id")
      .notNull()
      .references(() => users.id),
    weekday: smallint("weekday").notNull(),
    startMinute: smallint("start_minute").notNull(),
    endMinute: smallint("end_minute").notNull(),
    slotMinutes: smallint("slot_minutes").notNull(),
    facilityId: uuid("facility_id").references(() => facilities.id),
    createdAt: createdAt(),
  },
  (t) => [index("availability_clinician_idx").on(t.clinicianId)],
);

/**
 * One-off changes to the weekly pattern: leave and public holidays remove time; an extra
 * clinic (an evening session) adds bookable time cut into `slotMinutes` slots.
 */
export const availabilityExceptions = pgTable(
  "availability_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicianId: uuid("clinician_id")
      .notNull()
      .references(() => users.id),
    kind: availabilityExceptionKind("kind").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    slotMinutes: smallint("slot_minutes"),
    facilityId: uuid("facility_id").references(() => facilities.id),
    note: text("note"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("availability_exceptions_clinician_idx").on(t.clinicianId, t.startsAt)],
);

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    clinicianId: uuid("clinician_id")
      .notNull()
      .references(() => users.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: appointmentStatus("status").notNull().default("booked"),
    bookedBy: uuid("booked_by")
      .notNull()
      .references(() => users.id),
    // Sent by the booking form; a retried request with the same key gets the first booking back.
    idempotencyKey: text("idempotency_key"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by").references(() => users.id),
    cancelReason: text("cancel_reason"),
    // Set on the new appointment when a booking is moved, linking it to the one it replaced.
    rescheduledFromId: uuid("rescheduled_from_id"),
    createdAt: createdAt(),
  },
  (t) => [
    // Double booking is made impossible by the exclusion constraint `appointments_no_overlap`
    // (migration 0002): no two live appointments of a clinician may overlap in time, whatever
    // their lengths. drizzle-kit cannot express EXCLUDE, so it lives in a hand-written migration.
    uniqueIndex("appointments_idempotency").on(t.bookedBy, t.idempotencyKey),
    index("appointments_patient_idx").on(t.patientId),
    index("appointments_clinician_time_idx").on(t.clinicianId, t.startsAt),
    // No-shows of a period, for the district dashboard.
    index("appointments_no_show_idx").on(t.startsAt).where(sql`status = 'no_show'`),
  ],
);


/** The on-call rota, set by admins: who takes "see a doctor now" patients for a need, and when. */
export const onCallShifts = pgTable(
  "on_call_shifts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicianId: uuid("clinician_id")
      .notNull()
      .references(() => users.id),
    need: careNeed("need").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("on_call_shifts_need_idx").on(t.need, t.startsAt)],
);


export type Appointment = typeof appointments.$inferSelect;
