import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { emergencyOutcomes, emergencyTransports } from "../enums";
import { createdAt } from "./columns";
import { facilities, patients, users } from "./identity";
import { encounters } from "./records";
import { consultations } from "./visits";

export const emergencyTransport = pgEnum("emergency_transport", emergencyTransports);
export const emergencyOutcome = pgEnum("emergency_outcome", emergencyOutcomes);

/**
 * A patient triaged "emergency" at a facility and sent to hospital: raised by the triage itself
 * (lib/queue/walk-in.ts), then filled in by the facility as it happens (destination, transport,
 * when it was called, when the patient left) and closed by the outcome once it is known. Open
 * means no outcome yet. Every change is audited with what it replaced.
 */
export const emergencyReferrals = pgTable(
  "emergency_referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .unique()
      .references(() => consultations.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    encounterId: uuid("encounter_id")
      .notNull()
      .references(() => encounters.id),
    // Where the patient was triaged; null only for a host with no facility of their own.
    facilityId: uuid("facility_id").references(() => facilities.id),
    raisedBy: uuid("raised_by")
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    // A hospital in the registry, or one named in words (outside the district's facilities).
    destinationFacilityId: uuid("destination_facility_id").references(() => facilities.id),
    destinationName: text("destination_name"),
    transport: emergencyTransport("transport"),
    transportCalledAt: timestamp("transport_called_at", { withTimezone: true }),
    leftAt: timestamp("left_at", { withTimezone: true }),
    outcome: emergencyOutcome("outcome"),
    outcomeAt: timestamp("outcome_at", { withTimezone: true }),
    outcomeNote: text("outcome_note"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index("emergency_referrals_facility_idx").on(t.facilityId, t.raisedAt),
    index("emergency_referrals_open_idx").on(t.raisedAt).where(sql`${t.outcome} is null`),
    check("emergency_referrals_called_after_raised", sql`${t.transportCalledAt} is null or ${t.transportCalledAt} >= ${t.raisedAt} - interval '1 hour'`),
    check("emergency_referrals_left_after_called", sql`${t.leftAt} is null or ${t.transportCalledAt} is null or ${t.leftAt} >= ${t.transportCalledAt}`),
    check("emergency_referrals_outcome_dated", sql`(${t.outcome} is null) = (${t.outcomeAt} is null)`),
  ],
);
