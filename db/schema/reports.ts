import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sex } from "./pg-enums";
import { referrals } from "./records";
import { consultations } from "./visits";

/**
 * One row per consultation seen (admitted), with what the district reports count it by, so that
 * a province's year is read from one narrow table instead of joined from consultations,
 * encounters, patients, on_call_requests and call_mode_changes each time. The definition is the
 * view `consultation_report_source` (migration 0024); triggers on those tables re-derive a row
 * from it whenever something it depends on changes, and the app may only read it.
 */
export const consultationReportFacts = pgTable(
  "consultation_report_facts",
  {
    consultationId: uuid("consultation_id")
      .primaryKey()
      .references(() => consultations.id, { onDelete: "cascade" }),
    // Derived rows: the sources hold the references, so these carry none of their own (a check
    // per column on each of 2 M rows of a backfill, for nothing). patientId finds the rows a
    // corrected patient changes.
    patientId: uuid("patient_id").notNull(),
    // The visit's facility (the hosting unit, or the clinician's facility) and its district.
    facilityId: uuid("facility_id").notNull(),
    districtId: uuid("district_id").notNull(),
    clinicianId: uuid("clinician_id"),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }).notNull(),
    sex: sex("sex").notNull(),
    // Whole years on the day of check-in, on the clinic's calendar.
    years: smallint("years").notNull(),
    route: text("route").notNull(),
    // Minutes from when the patient was due (check-in, or the booked time if later) to admission.
    wait: doublePrecision("wait").notNull(),
    dropped: boolean("dropped").notNull(),
    audioOnly: boolean("audio_only").notNull(),
  },
  (t) => [
    index("consultation_report_facts_district_idx").on(t.districtId, t.checkedInAt),
    index("consultation_report_facts_facility_idx").on(t.facilityId, t.checkedInAt),
    index("consultation_report_facts_checked_in_idx").on(t.checkedInAt),
    index("consultation_report_facts_patient_idx").on(t.patientId),
    check("consultation_report_facts_route", sql`${t.route} in ('booked', 'walk_in', 'see_now', 'other')`),
  ],
);

/**
 * The facts summed per district, clinic month and whole minute of wait, kept by a trigger on
 * consultation_report_facts: a province's year by district is some 40,000 of these rows rather
 * than 1.6 million facts, and the waits' percentiles come from the per-minute counts.
 */
export const consultationReportDistrictMonths = pgTable(
  "consultation_report_district_months",
  {
    districtId: uuid("district_id").notNull(),
    // The first day of the month, on the clinic's calendar.
    month: date("month", { mode: "string" }).notNull(),
    waitMinutes: integer("wait_minutes").notNull(),
    consultations: integer("consultations").notNull(),
    female: integer("female").notNull(),
    male: integer("male").notNull(),
    otherSex: integer("other_sex").notNull(),
    under1: integer("under_1").notNull(),
    age1To4: integer("age_1_4").notNull(),
    age5To14: integer("age_5_14").notNull(),
    age15To49: integer("age_15_49").notNull(),
    age50Plus: integer("age_50_plus").notNull(),
    booked: integer("booked").notNull(),
    walkIn: integer("walk_in").notNull(),
    seeNow: integer("see_now").notNull(),
    otherRoute: integer("other_route").notNull(),
    audioOnly: integer("audio_only").notNull(),
    dropped: integer("dropped").notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.month, t.waitMinutes] })],
);

/**
 * One row per referral, with the facility and district it counts for (its encounter's) and when
 * it was written: a province's year of referrals is read from here instead of looking each one's
 * encounter up among millions. Derived from the view `referral_report_source` (migration 0025)
 * by triggers, as the consultation facts are; the app may only read it.
 */
export const referralReportFacts = pgTable(
  "referral_report_facts",
  {
    referralId: uuid("referral_id")
      .primaryKey()
      .references(() => referrals.id, { onDelete: "cascade" }),
    facilityId: uuid("facility_id").notNull(),
    districtId: uuid("district_id").notNull(),
    referredBy: uuid("referred_by").notNull(),
    referredAt: timestamp("referred_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("referral_report_facts_district_idx").on(t.districtId, t.referredAt),
    index("referral_report_facts_facility_idx").on(t.facilityId, t.referredAt),
    index("referral_report_facts_referred_at_idx").on(t.referredAt),
  ],
);

/**
 * The judgement of a closed clinic day for one member of staff at the facility they were posted
 * to (lib/attendance/days.ts made it), kept so that a province's year of attendance is read, not
 * judged again from millions of checks, presence events and consultations each time. Written only
 * by the judging job (lib/attendance/judge-closed-days.ts) for whole days at once, recorded in
 * attendance_judged_days. Names, cadres and districts are not copied here: they are read with the
 * facts, so correcting them changes no judgement.
 */
export const attendanceDayFacts = pgTable(
  "attendance_day_facts",
  {
    userId: uuid("user_id").notNull(),
    facilityId: uuid("facility_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    startsMinute: smallint("starts_minute"),
    endsMinute: smallint("ends_minute"),
    leaveKind: text("leave_kind"),
    rostered: boolean("rostered").notNull(),
    firstSeen: timestamp("first_seen", { withTimezone: true }),
    checks: integer("checks").notNull(),
    conducted: integer("conducted").notNull(),
    hosted: integer("hosted").notNull(),
    onlineMinutes: integer("online_minutes").notNull(),
    status: text("status").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.day, t.facilityId] }),
    index("attendance_day_facts_facility_idx").on(t.facilityId, t.day),
    index("attendance_day_facts_day_idx").on(t.day),
  ],
);

/** How many kept days had each status (lib/attendance/days.ts), for the attendance sums. */
const dayStatusCounts = () => ({
  present: integer("present").notNull(),
  late: integer("late").notNull(),
  absent: integer("absent").notNull(),
  onLeave: integer("on_leave").notNull(),
  off: integer("off").notNull(),
  pending: integer("pending").notNull(),
  noRoster: integer("no_roster").notNull(),
});

/**
 * The kept days summed per member of staff, facility and clinic month, by status, kept by a
 * trigger on attendance_day_facts: a province's year of attendance rates is some 100,000 of these
 * rather than 3 million days.
 */
export const attendanceMonthFacts = pgTable(
  "attendance_month_facts",
  {
    userId: uuid("user_id").notNull(),
    facilityId: uuid("facility_id").notNull(),
    // The first day of the month.
    month: date("month", { mode: "string" }).notNull(),
    ...dayStatusCounts(),
  },
  (t) => [primaryKey({ columns: [t.month, t.facilityId, t.userId] })],
);

/**
 * The kept days summed per facility and clinic day, by status, kept by the same trigger: the days
 * of a period outside its whole months, for a province, are some 3,000 a day rather than 9,000.
 */
export const attendanceFacilityDays = pgTable(
  "attendance_facility_days",
  {
    day: date("day", { mode: "string" }).notNull(),
    facilityId: uuid("facility_id").notNull(),
    ...dayStatusCounts(),
  },
  (t) => [primaryKey({ columns: [t.day, t.facilityId] })],
);

/** The clinic days whose every member of staff's judgement is in attendance_day_facts. */
export const attendanceJudgedDays = pgTable("attendance_judged_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  judgedAt: timestamp("judged_at", { withTimezone: true }).notNull(),
});

/**
 * A closed day of one member of staff whose kept judgement may be out of date: something it was
 * judged from changed after the day (a roster or leave entered late, a posting, a check sent from
 * a device that was offline). Marked by triggers on those tables (migration 0028); reports judge
 * these days afresh until the job has judged them again and removed the mark.
 */
export const attendanceStaleDays = pgTable(
  "attendance_stale_days",
  {
    userId: uuid("user_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] }), index("attendance_stale_days_day_idx").on(t.day)],
);
