import { sql } from "drizzle-orm";
import { bigserial, boolean, char, check, date, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { careNeed, clinicianStatus, consultationEventKind, consultationStatus, onCallRequestStatus, presenceEventKind, queueExitReason, triageLevel } from "./pg-enums";
import { users, specialties, patients } from "./identity";
import { encounters } from "./records";
import { appointments } from "./scheduling";

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
    // The visit this call is part of; what is recorded during the call is stored against it.
    encounterId: uuid("encounter_id")
      .notNull()
      .references(() => encounters.id),
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
    // The current call's admission: cleared when the call drops or the patient is passed on.
    admittedAt: timestamp("admitted_at", { withTimezone: true }),
    // The first admission, never cleared: the patient was seen, and waited until then, even if
    // the call dropped and they never came back (the reports count from it).
    firstAdmittedAt: timestamp("first_admitted_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    exitReason: queueExitReason("exit_reason"),
    // Set when a call broke off and the patient did not come back in time: they wait again at
    // the front of their queue (after emergencies), not at the back.
    callDroppedAt: timestamp("call_dropped_at", { withTimezone: true }),
    // How many times the call broke off for good (callDroppedAt is cleared on re-admission).
    callDrops: smallint("call_drops").notNull().default(0),
    // How long the room was open, from LiveKit's room_started and room_finished webhooks.
    callSeconds: integer("call_seconds"),
    createdAt: createdAt(),
  },
  (t) => [
    index("consultations_queue_idx").on(t.clinicianId, t.status, t.checkedInAt),
    // The district dashboard reads a period of check-ins.
    index("consultations_checked_in_idx").on(t.checkedInAt),
    // A visit's calls, e.g. to re-derive their report facts when the visit's facility changes.
    index("consultations_encounter_idx").on(t.encounterId),
    // Attendance's evidence: the consultations a clinician admitted, and those a host hosted, in a period.
    index("consultations_first_admitted_idx").on(t.clinicianId, t.firstAdmittedAt),
    index("consultations_hosted_idx").on(t.hostedBy, t.checkedInAt).where(sql`hosted_by is not null`),
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

/**
 * The SOAP note of a consultation, written by its clinician: a draft (every saved version kept in
 * note_revisions) until the author signs it.
 */
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
    // Once signed, PostgreSQL refuses any change or deletion of the row, whoever asks
    // (migration 0010, trigger soap_notes_signed_immutable); corrections are addenda.
    signedAt: timestamp("signed_at", { withTimezone: true }),
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

/** A correction or addition to a signed note, by any clinician of the encounter; never changed. */
export const noteAddenda = pgTable(
  "note_addenda",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    noteId: uuid("note_id")
      .notNull()
      .references(() => soapNotes.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("note_addenda_note_idx").on(t.noteId)],
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

export type Consultation = typeof consultations.$inferSelect;
export type Vitals = typeof vitals.$inferSelect;
export type SoapNote = typeof soapNotes.$inferSelect;
export type NoteAddendum = typeof noteAddenda.$inferSelect;
