import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { dhis2SendStatuses } from "../enums";
import { facilities, users } from "./identity";

export const dhis2SendStatus = pgEnum("dhis2_send_status", dhis2SendStatuses);

/**
 * One send (or dry run) of a facility's figures for one DHIS2 period, as requested and as it
 * went: the body exactly as sent, and DHIS2's import summary (counts and conflicts). Re-sending a
 * period is a new row; DHIS2 itself updates the values it already has. Written by the request
 * (lib/dhis2-export/request-send.ts) and finished by its job (deliver-send.ts).
 */
export const dhis2Sends = pgTable(
  "dhis2_sends",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    // The DHIS2 period id (202611, 2026W48) and the org unit code as they were sent.
    periodId: text("period_id").notNull(),
    orgUnitCode: text("org_unit_code").notNull(),
    dryRun: boolean("dry_run").notNull(),
    status: dhis2SendStatus("status").notNull().default("queued"),
    payload: jsonb("payload").notNull(),
    // lib/dhis2/import-summary.ts's ImportSummary: status, imported/updated/ignored/deleted, conflicts.
    summary: jsonb("summary"),
    httpStatus: integer("http_status"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("dhis2_sends_facility_idx").on(t.facilityId, t.requestedAt)],
);
