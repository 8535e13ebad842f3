import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { patients, users } from "./identity";
import { accessPurpose, userRole } from "./pg-enums";
import { breakGlassGrants } from "./records";

/**
 * Who read or wrote what. Patient-record reads and writes add a row in the same transaction.
 * Append-only: the app's database role may only insert and select here, and a trigger refuses
 * any update or delete (migration 0010).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => users.id),
    // The role and the reason the record was opened for, as they were at the time.
    actorRole: userRole("actor_role"),
    purpose: accessPurpose("purpose"),
    breakGlassId: uuid("break_glass_id").references(() => breakGlassGrants.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    patientId: uuid("patient_id").references(() => patients.id),
    details: jsonb("details").$type<Record<string, unknown>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_events_patient_idx").on(t.patientId, t.occurredAt)],
);
