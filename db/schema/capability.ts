import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { equipmentKinds } from "../enums";
import { createdAt } from "./columns";
import { facilities, users } from "./identity";

export const equipmentKind = pgEnum("equipment_kind", equipmentKinds);

/** Whether a facility has an item at all; no row means nobody has said. */
export const facilityEquipment = pgTable(
  "facility_equipment",
  {
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    kind: equipmentKind("kind").notNull(),
    present: boolean("present").notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.kind] })],
);

/** A time an item was out of order: open until it is fixed. At most one open outage per item. */
export const equipmentOutages = pgTable(
  "equipment_outages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    kind: equipmentKind("kind").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    reason: text("reason").notNull(),
    reportedBy: uuid("reported_by")
      .notNull()
      .references(() => users.id),
    endedBy: uuid("ended_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("equipment_outages_one_open").on(t.facilityId, t.kind).where(sql`${t.endedAt} is null`),
    index("equipment_outages_facility_idx").on(t.facilityId, t.startedAt),
  ],
);
