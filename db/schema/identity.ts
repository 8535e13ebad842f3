import { sql } from "drizzle-orm";
import { char, check, date, doublePrecision, index, integer, pgSequence, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { districts, tehsils } from "./geography";
import { userRole, sex, locale, facilityKind, relation, sessionEndReason, signInThrottleScope } from "./pg-enums";

/** Everyone who signs in: patients by phone, staff by email and password. */
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  role: userRole("role").notNull(),
  name: text("name").notNull(),
  email: text("email").unique(),
  phone: text("phone").unique(),
  passwordHash: text("password_hash"),
  // The language SMS messages are written in; the UI's choice when the user last signed in.
  locale: locale("locale").notNull().default("ur"),
  // Where a member of staff works (a clinician's is on their profile); the patient's access log names it.
  facilityId: uuid("facility_id").references((): AnyPgColumn => facilities.id),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: createdAt(),
});

/** A health facility: a district or teaching hospital ("hub") or a BHU/RHU ("spoke"). */
export const facilities = pgTable(
  "facilities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: facilityKind("kind").notNull(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    tehsilId: uuid("tehsil_id").references(() => tehsils.id),
    // Its organisation unit in DHIS2, by CODE: what monthly figures are sent against.
    dhis2OrgUnitCode: text("dhis2_org_unit_code").unique(),
    // WGS 84 degrees: where the building is, for the staff check-in's geofence and the map.
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    // How close to an appointment its patient may still move or cancel it; the facility decides.
    patientChangeCutoffMinutes: smallint("patient_change_cutoff_minutes").notNull().default(60),
    createdAt: createdAt(),
  },
  (t) => [
    index("facilities_district_idx").on(t.districtId),
    check("facilities_coordinates", sql`(${t.latitude} is null) = (${t.longitude} is null) and (${t.latitude} is null or (${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180))`),
  ],
);

/**
 * Which districts an admin answers for: one district, or every district (a provincial office)
 * when `districtId` is null. An admin without a row is scoped to nothing and sees no district data.
 */
export const adminScopes = pgTable("admin_scopes", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  districtId: uuid("district_id").references(() => districts.id),
  createdAt: createdAt(),
});

/** Clinical specialties, named in both languages; `defaultSlotMinutes` applies unless a doctor sets their own. */
export const specialties = pgTable("specialties", {
  code: text("code").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameUr: text("name_ur").notNull(),
  defaultSlotMinutes: smallint("default_slot_minutes").notNull().default(15),
});

/** What patients choose a clinician by: specialty, languages spoken, sex, and where they work. */
export const clinicianProfiles = pgTable(
  "clinician_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    sex: sex("sex").notNull(),
    specialtyCode: text("specialty_code")
      .notNull()
      .references(() => specialties.code),
    // ISO 639 codes: ur, en, pa, ps, sd, bal, skr…
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    facilityId: uuid("facility_id").references(() => facilities.id),
    slotMinutes: smallint("slot_minutes"),
    // The PMDC registration number printed on prescriptions, so a pharmacy can check the prescriber.
    registrationNumber: text("registration_number"),
  },
  (t) => [index("clinician_profiles_specialty_idx").on(t.specialtyCode)],
);

/** Serial numbers behind MR IDs; the check digit is appended in lib/mrid. */
export const mrIdSerial = pgSequence("mr_id_serial", { startWith: 100_001, minValue: 1, maxValue: 999_999_999 });

/**
 * A person with a national MR ID. `accountId` is the phone account that manages the record
 * (a household phone may manage several patients).
 */
export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mrId: char("mr_id", { length: 10 }).notNull().unique(),
    accountId: uuid("account_id").references(() => users.id),
    // How the patient relates to the account holder; null for walk-ins registered by staff.
    relation: relation("relation"),
    fullName: text("full_name").notNull(),
    sex: sex("sex").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    cnic: char("cnic", { length: 13 }).unique(),
    phone: text("phone"),
    createdBy: uuid("created_by").references(() => users.id),
    // Set when an admin merged this MR ID into another (patient_merges): it resolves to that one.
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => patients.id),
    createdAt: createdAt(),
  },
  (t) => [index("patients_account_idx").on(t.accountId), index("patients_phone_idx").on(t.phone)],
);


/** One-time sign-in codes. Only an HMAC of the code is stored. */
export const otpChallenges = pgTable(
  "otp_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull(),
    codeHash: text("code_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("otp_challenges_phone_idx").on(t.phone, t.createdAt)],
);

/**
 * One signed-in session (the JWT carries its id). Staff sessions end after a spell without
 * activity, because facility devices are shared; sign-out ends a session for good.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    clientAddress: text("client_address").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    // Moved on only by the user's own input (and an open call), never by page loads or streams.
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: sessionEndReason("end_reason"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.startedAt)],
);

/**
 * Fixed-window counters shared by every app instance: `key` names what is counted and for whom
 * (sign-in codes per client address, the deployment's hourly SMS budget, ...).
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Recent failed staff sign-ins of one account or one client, and the lock they led to. */
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    scope: signInThrottleScope("scope").notNull(),
    key: text("key").notNull(),
    failures: integer("failures").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);


export type User = typeof users.$inferSelect;
export type Patient = typeof patients.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
