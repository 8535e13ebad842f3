import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { availabilityExceptionKinds, careNeeds, clinicianStatuses, relations, sexes, triageLevels, userRoles } from "./enums";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const userRole = pgEnum("user_role", userRoles);
export const sex = pgEnum("sex", sexes);
export const appointmentStatus = pgEnum("appointment_status", [
  "booked",
  "checked_in",
  "in_consultation",
  "completed",
  "cancelled",
  "no_show",
]);
export const consultationStatus = pgEnum("consultation_status", ["waiting", "in_call", "completed", "cancelled"]);
export const consultationEventKind = pgEnum("consultation_event_kind", [
  "room_started",
  "participant_joined",
  "participant_left",
  "room_finished",
]);
export const smsStatus = pgEnum("sms_status", ["queued", "sent", "failed"]);
export const locale = pgEnum("locale", ["ur", "en"]);
export const facilityKind = pgEnum("facility_kind", ["hub", "spoke"]);
export const availabilityExceptionKind = pgEnum("availability_exception_kind", availabilityExceptionKinds);
export const careNeed = pgEnum("care_need", careNeeds);
export const onCallRequestStatus = pgEnum("on_call_request_status", ["waiting", "picked_up", "cancelled"]);
export const triageLevel = pgEnum("triage_level", triageLevels);
// Why a consultation left the queue without a call.
export const queueExitReason = pgEnum("queue_exit_reason", ["no_answer", "not_returned", "withdrawn"]);
export const clinicianStatus = pgEnum("clinician_status", clinicianStatuses);
export const presenceEventKind = pgEnum("presence_event_kind", [
  "clinician_online",
  "clinician_busy",
  "clinician_away",
  "patient_connected",
  "patient_disconnected",
]);
export const relation = pgEnum("relation", relations);
export const sessionEndReason = pgEnum("session_end_reason", ["signed_out", "idle"]);
// Failed staff sign-ins are counted per account (by the email typed, known or not) and per client.
export const signInThrottleScope = pgEnum("sign_in_throttle_scope", ["account", "client"]);

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
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: createdAt(),
});

/** A health facility: a district or teaching hospital ("hub") or a BHU/RHU ("spoke"). */
export const facilities = pgTable("facilities", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  kind: facilityKind("kind").notNull(),
  district: text("district").notNull(),
  // How close to an appointment its patient may still move or cancel it; the facility decides.
  patientChangeCutoffMinutes: smallint("patient_change_cutoff_minutes").notNull().default(60),
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
    createdAt: createdAt(),
  },
  (t) => [index("patients_account_idx").on(t.accountId), index("patients_phone_idx").on(t.phone)],
);

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
  ],
);

/**
 * One encounter by video: from check-in (or a walk-in queued by facility staff) through the call
 * to the note. A consultation waits either in one clinician's queue or in a specialty's queue
 * (`clinicianId` null until a clinician of that specialty admits it).
 */
export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .unique()
      .references(() => appointments.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    clinicianId: uuid("clinician_id").references(() => users.id),
    specialtyCode: text("specialty_code").references(() => specialties.code),
    status: consultationStatus("status").notNull().default("waiting"),
    roomName: text("room_name").notNull().unique(),
    triage: triageLevel("triage").notNull().default("routine"),
    chiefComplaint: text("chief_complaint"),
    femaleClinicianRequested: boolean("female_clinician_requested").notNull().default(false),
    chaperonePresent: boolean("chaperone_present").notNull().default(false),
    // Facility staff hosting the call for a patient sitting beside them.
    hostedBy: uuid("hosted_by").references(() => users.id),
    // The booked appointment's start, copied at check-in: the queue orders booked patients by it.
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    // Arrival order in the queue.
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }).notNull().defaultNow(),
    noAnswerCount: smallint("no_answer_count").notNull().default(0),
    // The patient's side is online while it holds a live connection (counted over all app
    // instances) and its heartbeat is fresh; the heartbeat covers an instance that died.
    patientConnections: smallint("patient_connections").notNull().default(0),
    patientSeenAt: timestamp("patient_seen_at", { withTimezone: true }),
    admittedAt: timestamp("admitted_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    exitReason: queueExitReason("exit_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("consultations_queue_idx").on(t.clinicianId, t.status, t.checkedInAt),
    index("consultations_specialty_queue_idx").on(t.specialtyCode, t.status).where(sql`clinician_id is null`),
    check("consultations_has_queue", sql`clinician_id is not null or specialty_code is not null`),
  ],
);

/** Each clinician's own status (no row: away). */
export const clinicianPresence = pgTable("clinician_presence", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  status: clinicianStatus("status").notNull(),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Clinician status changes and patients' connections to the queue, kept for attendance reports. */
export const presenceEvents = pgTable(
  "presence_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: presenceEventKind("kind").notNull(),
    userId: uuid("user_id").references(() => users.id),
    consultationId: uuid("consultation_id").references(() => consultations.id),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("presence_events_user_idx").on(t.userId, t.occurredAt), index("presence_events_consultation_idx").on(t.consultationId)],
);

/**
 * One set of vital signs, as measured at a facility. Rows are never updated: a correction is a
 * new measurement, so the history stays. Units: mmHg, beats/min, °C, %, breaths/min, kg, cm,
 * mg/dL, cm (MUAC).
 */
export const vitals = pgTable(
  "vitals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    consultationId: uuid("consultation_id").references(() => consultations.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    systolic: smallint("systolic"),
    diastolic: smallint("diastolic"),
    pulse: smallint("pulse"),
    temperatureC: numeric("temperature_c", { precision: 4, scale: 1, mode: "number" }),
    spo2: smallint("spo2"),
    respiratoryRate: smallint("respiratory_rate"),
    weightKg: numeric("weight_kg", { precision: 5, scale: 1, mode: "number" }),
    heightCm: numeric("height_cm", { precision: 4, scale: 1, mode: "number" }),
    glucoseMgDl: smallint("glucose_mg_dl"),
    muacCm: numeric("muac_cm", { precision: 3, scale: 1, mode: "number" }),
    lastMenstrualPeriod: date("last_menstrual_period", { mode: "string" }),
  },
  (t) => [index("vitals_patient_idx").on(t.patientId, t.recordedAt), index("vitals_consultation_idx").on(t.consultationId)],
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

/** A patient waiting in the on-call pool for a need, until an on-call doctor picks them up. */
export const onCallRequests = pgTable(
  "on_call_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    need: careNeed("need").notNull(),
    status: onCallRequestStatus("status").notNull().default("waiting"),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    consultationId: uuid("consultation_id")
      .unique()
      .references(() => consultations.id),
    pickedUpBy: uuid("picked_up_by").references(() => users.id),
  },
  (t) => [
    // A second tap on "see a doctor now" finds the first request instead of queueing twice.
    uniqueIndex("on_call_requests_one_waiting").on(t.patientId).where(sql`status = 'waiting'`),
    index("on_call_requests_pool_idx").on(t.need, t.status, t.requestedAt),
  ],
);

/** What LiveKit told us happened in a consultation's room (from verified webhooks). */
export const consultationEvents = pgTable(
  "consultation_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    kind: consultationEventKind("kind").notNull(),
    participantIdentity: text("participant_identity"),
    // LiveKit retries webhooks; its event id makes a retry a no-op.
    livekitEventId: text("livekit_event_id").notNull().unique(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("consultation_events_consultation_idx").on(t.consultationId)],
);

// The four parts of a SOAP note, shared by the current note and each of its revisions.
const soapSections = () => ({
  subjective: text("subjective").notNull(),
  objective: text("objective").notNull(),
  assessment: text("assessment").notNull(),
  plan: text("plan").notNull(),
});

/** The current SOAP note of a consultation; every saved version is kept in note_revisions. */
export const soapNotes = pgTable(
  "soap_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .unique()
      .references(() => consultations.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    mrId: char("mr_id", { length: 10 }).notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    ...soapSections(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("soap_notes_mr_id_idx").on(t.mrId)],
);

export const noteRevisions = pgTable(
  "note_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    noteId: uuid("note_id")
      .notNull()
      .references(() => soapNotes.id),
    version: integer("version").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    ...soapSections(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("note_revisions_version").on(t.noteId, t.version)],
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

/** Every SMS we send, whatever the gateway; the dev outbox page reads it. */
export const smsOutbox = pgTable("sms_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  toPhone: text("to_phone").notNull(),
  body: text("body").notNull(),
  status: smsStatus("status").notNull().default("queued"),
  provider: text("provider").notNull(),
  // A message that must go out once (a reminder for one appointment) carries a key; the unique
  // index turns a second attempt into a no-op, across retries and worker restarts.
  dedupeKey: text("dedupe_key").unique(),
  error: text("error"),
  createdAt: createdAt(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});

/** Who read or wrote what. Patient-record reads and writes add a row in the same transaction. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    patientId: uuid("patient_id").references(() => patients.id),
    details: jsonb("details").$type<Record<string, unknown>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_events_patient_idx").on(t.patientId, t.occurredAt)],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof userRole.enumValues)[number];
export type Patient = typeof patients.$inferSelect;
export type Appointment = typeof appointments.$inferSelect;
export type Consultation = typeof consultations.$inferSelect;
export type TriageLevel = (typeof triageLevel.enumValues)[number];
export type ClinicianStatus = (typeof clinicianStatus.enumValues)[number];
export type Vitals = typeof vitals.$inferSelect;
export type ConsultationStatus = (typeof consultationStatus.enumValues)[number];
export type SoapNote = typeof soapNotes.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
export type SignInThrottleScope = (typeof signInThrottleScope.enumValues)[number];
