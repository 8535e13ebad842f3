import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { leaveKinds, staffCadres } from "../enums";
import { createdAt } from "./columns";
import { facilities, users } from "./identity";

export const staffCadre = pgEnum("staff_cadre", staffCadres);

/** A member of staff in the registry: their cadre and their council registration number. */
export const staffRecords = pgTable("staff_records", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  cadre: staffCadre("cadre").notNull(),
  // PMDC's for doctors and specialists, PNMC's for LHVs, nurses and midwives; format-checked.
  registrationNumber: text("registration_number"),
  updatedBy: uuid("updated_by")
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Where a member of staff is posted, from a date until a date (open while they are there). */
export const staffPostings = pgTable(
  "staff_postings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    postedBy: uuid("posted_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("staff_postings_user_idx").on(t.userId, t.startsOn),
    index("staff_postings_facility_idx").on(t.facilityId, t.startsOn),
    check("staff_postings_dates", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const attendanceCheckKind = pgEnum("attendance_check_kind", ["check_in", "check_out"]);

/**
 * A check-in or check-out on the facility's device, with where the device said it was: the
 * distance to the facility's coordinates is kept with the record, and whether that was inside
 * the geofence. No photograph and no face: the location and the account are the evidence.
 */
export const attendanceChecks = pgTable(
  "attendance_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    kind: attendanceCheckKind("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    // What the device reported as its accuracy (metres, 95% radius as browsers give it).
    accuracyM: integer("accuracy_m").notNull(),
    distanceM: integer("distance_m").notNull(),
    withinGeofence: boolean("within_geofence").notNull(),
  },
  (t) => [index("attendance_checks_user_idx").on(t.userId, t.at), index("attendance_checks_facility_idx").on(t.facilityId, t.at)],
);

export const leaveKind = pgEnum("leave_kind", leaveKinds);

/**
 * A duty roster: the weekly hours a member of staff is scheduled for, in force from a date until
 * the next roster of theirs begins. A past day is judged against the roster in force on it.
 */
export const staffRosters = pgTable(
  "staff_rosters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    setBy: uuid("set_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("staff_rosters_user_from").on(t.userId, t.effectiveFrom)],
);

/** One scheduled shift of a roster: a weekday (1 Monday … 7 Sunday) and its hours, clinic time. */
export const staffRosterShifts = pgTable(
  "staff_roster_shifts",
  {
    rosterId: uuid("roster_id")
      .notNull()
      .references(() => staffRosters.id),
    weekday: smallint("weekday").notNull(),
    startsMinute: smallint("starts_minute").notNull(),
    endsMinute: smallint("ends_minute").notNull(),
  },
  (t) => [
    uniqueIndex("staff_roster_shifts_day").on(t.rosterId, t.weekday),
    check("staff_roster_shifts_weekday", sql`${t.weekday} between 1 and 7`),
    check("staff_roster_shifts_hours", sql`${t.startsMinute} >= 0 and ${t.endsMinute} <= 1440 and ${t.endsMinute} > ${t.startsMinute}`),
  ],
);

/** Leave from a date to a date (both included); cancelled leave stays, marked. No two overlap. */
export const staffLeave = pgTable(
  "staff_leave",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: leaveKind("kind").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [index("staff_leave_user_idx").on(t.userId, t.startsOn), check("staff_leave_dates", sql`${t.endsOn} >= ${t.startsOn}`)],
);
