import { sql } from "drizzle-orm";
import { boolean, check, customType, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { facilities, patients, specialties, users } from "./identity";
import {
  allergySeverity,
  allergyStatus,
  attachmentKind,
  diagnosisCertainty,
  durationUnit,
  encounterKind,
  labOrderStatus,
  problemStatus,
  programme,
  referralStatus,
  screeningInstrument,
  triageLevel,
} from "./pg-enums";
import { appointments } from "./scheduling";

// Photographed reports are kept in the database beside the record they belong to, so that a
// backup holds the whole record and access to them goes through the same checks.
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * One visit: a video consultation from the patient's phone, one hosted at a facility for a
 * patient sitting beside the host (both at once), or a facility visit without a call. Every
 * consultation belongs to one; what is recorded during it points here.
 */
export const encounters = pgTable(
  "encounters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    kind: encounterKind("kind").notNull(),
    facilityId: uuid("facility_id").references(() => facilities.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("encounters_patient_idx").on(t.patientId, t.startedAt)],
);

/** What a clinician recorded against an entry that turned out wrong: kept, shown struck through. */
const enteredInError = () => ({
  enteredInErrorAt: timestamp("entered_in_error_at", { withTimezone: true }),
  enteredInErrorBy: uuid("entered_in_error_by").references(() => users.id),
});

/** A diagnosis from the shipped list (lib/records/catalog) or, when nothing fits, free text. */
export const diagnoses = pgTable(
  "diagnoses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id")
      .notNull()
      .references(() => encounters.id),
    code: text("code"),
    freeText: text("free_text"),
    certainty: diagnosisCertainty("certainty").notNull().default("confirmed"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    ...enteredInError(),
  },
  (t) => [index("diagnoses_patient_idx").on(t.patientId, t.recordedAt), check("diagnoses_named", sql`code is not null or free_text is not null`)],
);

/** An allergy, carried across encounters until it is marked inactive. */
export const allergies = pgTable(
  "allergies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id").references(() => encounters.id),
    allergenCode: text("allergen_code"),
    freeText: text("free_text"),
    reaction: text("reaction"),
    severity: allergySeverity("severity").notNull(),
    status: allergyStatus("status").notNull().default("active"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }),
  },
  (t) => [index("allergies_patient_idx").on(t.patientId), check("allergies_named", sql`allergen_code is not null or free_text is not null`)],
);

/** The problem list: long-standing conditions, active until resolved. */
export const problems = pgTable(
  "problems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id").references(() => encounters.id),
    code: text("code"),
    freeText: text("free_text"),
    status: problemStatus("status").notNull().default("active"),
    onsetOn: date("onset_on", { mode: "string" }),
    resolvedOn: date("resolved_on", { mode: "string" }),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }),
  },
  (t) => [index("problems_patient_idx").on(t.patientId), check("problems_named", sql`code is not null or free_text is not null`)],
);

/**
 * A prescription: one or more medicines from the formulary, issued by its prescriber. The
 * verification code is what its QR code carries; a pharmacy checks it without seeing the record.
 */
export const prescriptions = pgTable(
  "prescriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id")
      .notNull()
      .references(() => encounters.id),
    prescriberId: uuid("prescriber_id")
      .notNull()
      .references(() => users.id),
    verificationCode: text("verification_code").notNull().unique(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    dispensedAt: timestamp("dispensed_at", { withTimezone: true }),
    // Who handed the medicines over, and where (lib/stock/dispense-prescription).
    dispensedBy: uuid("dispensed_by").references(() => users.id),
    dispensedFacilityId: uuid("dispensed_facility_id").references(() => facilities.id),
    // From the prescribing form, so that a double submit or a retry finds the first prescription.
    idempotencyKey: text("idempotency_key"),
    ...enteredInError(),
  },
  (t) => [
    index("prescriptions_patient_idx").on(t.patientId, t.issuedAt),
    uniqueIndex("prescriptions_idempotency").on(t.prescriberId, t.idempotencyKey),
  ],
);

export const prescriptionItems = pgTable(
  "prescription_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    prescriptionId: uuid("prescription_id")
      .notNull()
      .references(() => prescriptions.id),
    position: smallint("position").notNull(),
    medicineCode: text("medicine_code").notNull(),
    dose: text("dose").notNull(),
    frequencyCode: text("frequency_code").notNull(),
    durationValue: smallint("duration_value").notNull(),
    durationUnit: durationUnit("duration_unit").notNull(),
    instructionCodes: text("instruction_codes").array().notNull().default(sql`'{}'::text[]`),
    instructionsEn: text("instructions_en"),
    instructionsUr: text("instructions_ur"),
    // The allergy and duplicate warnings the prescriber saw and prescribed past, as shown.
    acknowledgedWarnings: jsonb("acknowledged_warnings").$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [uniqueIndex("prescription_items_position").on(t.prescriptionId, t.position)],
);

/** A photographed paper report or a photo, re-encoded on arrival (lib/records/attachments). */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id").references(() => encounters.id),
    kind: attachmentKind("kind").notNull(),
    caption: text("caption"),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
    byteLength: integer("byte_length").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("attachments_patient_idx").on(t.patientId)],
);

export const labOrders = pgTable(
  "lab_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id")
      .notNull()
      .references(() => encounters.id),
    testCode: text("test_code").notNull(),
    status: labOrderStatus("status").notNull().default("ordered"),
    note: text("note"),
    orderedBy: uuid("ordered_by")
      .notNull()
      .references(() => users.id),
    orderedAt: timestamp("ordered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("lab_orders_patient_idx").on(t.patientId, t.orderedAt)],
);

/** A result: a value typed in, a photographed report, or both. */
export const labResults = pgTable(
  "lab_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id").references(() => encounters.id),
    orderId: uuid("order_id").references(() => labOrders.id),
    testCode: text("test_code").notNull(),
    valueNumeric: numeric("value_numeric", { precision: 10, scale: 2, mode: "number" }),
    valueText: text("value_text"),
    flag: text("flag"),
    takenOn: date("taken_on", { mode: "string" }).notNull(),
    attachmentId: uuid("attachment_id").references(() => attachments.id),
    enteredBy: uuid("entered_by")
      .notNull()
      .references(() => users.id),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
    ...enteredInError(),
  },
  (t) => [
    index("lab_results_patient_idx").on(t.patientId, t.takenOn),
    check("lab_results_has_value", sql`value_numeric is not null or value_text is not null or attachment_id is not null`),
  ],
);

/** A referral to a specialty (which staff can then book) or to a facility. */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id")
      .notNull()
      .references(() => encounters.id),
    toSpecialtyCode: text("to_specialty_code").references(() => specialties.code),
    toFacilityId: uuid("to_facility_id").references(() => facilities.id),
    urgency: triageLevel("urgency").notNull(),
    reason: text("reason").notNull(),
    status: referralStatus("status").notNull().default("open"),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    referredBy: uuid("referred_by")
      .notNull()
      .references(() => users.id),
    referredAt: timestamp("referred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("referrals_patient_idx").on(t.patientId, t.referredAt),
    index("referrals_referred_at_idx").on(t.referredAt),
    // An encounter's referrals, to re-derive their report facts when its facility changes.
    index("referrals_encounter_idx").on(t.encounterId),
    check("referrals_have_destination", sql`to_specialty_code is not null or to_facility_id is not null`),
  ],
);

/** A patient followed in a care programme (antenatal care carries the pregnancy's LMP). */
export const programmeEnrolments = pgTable(
  "programme_enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    programme: programme("programme").notNull(),
    lastMenstrualPeriod: date("last_menstrual_period", { mode: "string" }),
    enrolledBy: uuid("enrolled_by")
      .notNull()
      .references(() => users.id),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull().defaultNow(),
    encounterId: uuid("encounter_id").references(() => encounters.id),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    // One open enrolment per programme: a second "enrol" finds the first.
    uniqueIndex("programme_enrolments_open").on(t.patientId, t.programme).where(sql`ended_at is null`),
  ],
);

/** A scored questionnaire (PHQ-9, GAD-7) or the preventive screening, with its answers. */
export const screenings = pgTable(
  "screenings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id")
      .notNull()
      .references(() => encounters.id),
    instrument: screeningInstrument("instrument").notNull(),
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull(),
    score: smallint("score"),
    band: text("band"),
    positive: boolean("positive").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("screenings_patient_idx").on(t.patientId, t.recordedAt)],
);

/** Something to see the patient again for, due on a day: from a positive screening or a flag. */
export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id").references(() => encounters.id),
    screeningId: uuid("screening_id").references(() => screenings.id),
    reason: text("reason").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("follow_ups_patient_idx").on(t.patientId, t.dueOn)],
);

/**
 * Emergency ("break-glass") access to a record its opener has no encounter with: a reason, a
 * time limit, and an admin's review. The patient sees every read made under it.
 */
export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note"),
  },
  (t) => [index("break_glass_grants_actor_idx").on(t.actorId, t.patientId, t.expiresAt), index("break_glass_grants_review_idx").on(t.reviewedAt)],
);

/** Two MR IDs found to be one person: the retired one resolves to the survivor from then on. */
export const patientMerges = pgTable("patient_merges", {
  id: uuid("id").primaryKey().defaultRandom(),
  survivorId: uuid("survivor_id")
    .notNull()
    .references(() => patients.id),
  retiredId: uuid("retired_id")
    .notNull()
    .unique()
    .references(() => patients.id),
  reason: text("reason").notNull(),
  mergedBy: uuid("merged_by")
    .notNull()
    .references(() => users.id),
  mergedAt: timestamp("merged_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Encounter = typeof encounters.$inferSelect;
export type Prescription = typeof prescriptions.$inferSelect;
export type PrescriptionItem = typeof prescriptionItems.$inferSelect;
export type BreakGlassGrant = typeof breakGlassGrants.$inferSelect;
