import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { callMode, callModeReason, callRole, invitationStatus } from "./pg-enums";
import { specialties, users } from "./identity";
import { attachments, encounters } from "./records";
import { consultations } from "./visits";

/**
 * A clinician in the call asks another clinician to join: one named person, or anyone of a
 * specialty (whoever accepts first becomes the invitee). The patient, or the host beside them,
 * consents before the specialist's media reaches either side; removal ends the invitation for
 * good, so its LiveKit identity (`specialist:<user>:<invitation>`) is never admitted again.
 */
export const consultationInvitations = pgTable(
  "consultation_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    specialtyCode: text("specialty_code").references(() => specialties.code),
    inviteeId: uuid("invitee_id").references(() => users.id),
    // Why the specialist is asked, shown on their invitation.
    reason: text("reason"),
    status: invitationStatus("status").notNull().default("pending"),
    createdAt: createdAt(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    consentedBy: uuid("consented_by").references(() => users.id),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedBy: uuid("removed_by").references(() => users.id),
  },
  (t) => [
    index("consultation_invitations_consultation_idx").on(t.consultationId),
    index("consultation_invitations_invitee_idx").on(t.inviteeId, t.status),
    index("consultation_invitations_specialty_idx").on(t.specialtyCode, t.status),
    check("consultation_invitations_has_invitee", sql`specialty_code is not null or invitee_id is not null`),
  ],
);

/** A chat message or photo sent in the call, kept with the encounter. Never edited. */
export const callMessages = pgTable(
  "call_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    encounterId: uuid("encounter_id")
      .notNull()
      .references(() => encounters.id),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => users.id),
    senderRole: callRole("sender_role").notNull(),
    body: text("body"),
    attachmentId: uuid("attachment_id").references(() => attachments.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("call_messages_consultation_idx").on(t.consultationId, t.createdAt),
    check("call_messages_has_content", sql`body is not null or attachment_id is not null`),
  ],
);

/** Each step of the degrade ladder, per participant, logged on the encounter for reporting. */
export const callModeChanges = pgTable(
  "call_mode_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    encounterId: uuid("encounter_id")
      .notNull()
      .references(() => encounters.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    participantRole: callRole("participant_role").notNull(),
    mode: callMode("mode").notNull(),
    reason: callModeReason("reason").notNull(),
    // LiveKit's last score for the participant when the step was taken (excellent/good/poor/lost).
    connectionQuality: text("connection_quality"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("call_mode_changes_encounter_idx").on(t.encounterId), index("call_mode_changes_consultation_idx").on(t.consultationId)],
);

/**
 * Consent to recording, per participant; the newest row of each person counts. Recording may
 * start only while everyone in the room has a newest row that says yes.
 */
export const recordingConsents = pgTable(
  "recording_consents",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    participantRole: callRole("participant_role").notNull(),
    consented: boolean("consented").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recording_consents_consultation_idx").on(t.consultationId, t.userId, t.recordedAt)],
);
