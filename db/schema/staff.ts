import { sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffCadres } from "../enums";
import { createdAt } from "./columns";
import { facilities, users } from "./identity";

export const staffCadre = pgEnum("staff_cadre", staffCadres);

/** A member of staff in the registry: their cadre and their council registration number. */
export const staffRecords = pgTable("staff_records", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  cadre: staffCadre("cadre").notNull(),
  // PMDC's for doctors and specialists, PNMC's for LHVs, nurses and midwives; format-checked.
  registrationNumber: text("registration_number"),
  updatedBy: uuid("updated_by")
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Where a member of staff is posted, from a date until a date (open while they are there). */
export const staffPostings = pgTable(
  "staff_postings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    postedBy: uuid("posted_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("staff_postings_user_idx").on(t.userId, t.startsOn),
    index("staff_postings_facility_idx").on(t.facilityId, t.startsOn),
    check("staff_postings_dates", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);
