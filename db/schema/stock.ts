import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { stockAdjustmentReasons, stockAlertLevels, stockMovementKinds } from "../enums";
import { facilities, users } from "./identity";
import { prescriptionItems } from "./records";

export const stockMovementKind = pgEnum("stock_movement_kind", stockMovementKinds);
export const stockAdjustmentReason = pgEnum("stock_adjustment_reason", stockAdjustmentReasons);
export const stockAlertLevel = pgEnum("stock_alert_level", stockAlertLevels);

/**
 * The stock ledger: one row per change to a facility's stock of a formulary medicine, in the
 * medicine's own units (tablets, bottles, vials). `quantity` is signed — what came in is
 * positive, what went out negative — so stock on hand is the sum and is never typed over.
 * Rows are only ever added (the migration revokes UPDATE and DELETE from the app).
 */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    medicineCode: text("medicine_code").notNull(),
    kind: stockMovementKind("kind").notNull(),
    quantity: integer("quantity").notNull(),
    reason: stockAdjustmentReason("reason"),
    note: text("note"),
    // A receipt's batch and expiry, as printed on the box.
    batch: text("batch"),
    expiresOn: date("expires_on", { mode: "string" }),
    // A transfer is two rows, out of one facility and into the other, sharing `transferId`.
    transferId: uuid("transfer_id"),
    counterpartFacilityId: uuid("counterpart_facility_id").references(() => facilities.id),
    // A dispensing row is for one prescription line; the unique index lets a line go out once.
    prescriptionItemId: uuid("prescription_item_id").references(() => prescriptionItems.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stock_movements_facility_medicine_idx").on(t.facilityId, t.medicineCode, t.recordedAt),
    uniqueIndex("stock_movements_one_dispense_per_line").on(t.prescriptionItemId),
    check(
      "stock_movements_sign",
      sql`case ${t.kind}
        when 'receipt' then ${t.quantity} > 0
        when 'transfer_in' then ${t.quantity} > 0
        when 'dispense' then ${t.quantity} < 0 and ${t.prescriptionItemId} is not null
        when 'transfer_out' then ${t.quantity} < 0
        else ${t.quantity} <> 0 end`,
    ),
    check("stock_movements_adjustment_reason", sql`(${t.kind} = 'adjustment') = (${t.reason} is not null)`),
    check("stock_movements_transfer_pair", sql`(${t.kind} in ('transfer_out', 'transfer_in')) = (${t.transferId} is not null and ${t.counterpartFacilityId} is not null)`),
  ],
);

/**
 * A stock alert to the district: a medicine at a facility ran out or is running low. It stays
 * open until a movement brings the stock back; at most one open alert per medicine and facility.
 */
export const stockAlerts = pgTable(
  "stock_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    medicineCode: text("medicine_code").notNull(),
    level: stockAlertLevel("level").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("stock_alerts_one_open").on(t.facilityId, t.medicineCode).where(sql`${t.clearedAt} is null`),
    index("stock_alerts_raised_idx").on(t.raisedAt),
  ],
);

export type StockMovement = typeof stockMovements.$inferSelect;
export type StockAlert = typeof stockAlerts.$inferSelect;
