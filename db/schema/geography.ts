import { sql } from "drizzle-orm";
import { check, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * A district, the unit a district health office runs; `province` groups districts for a
 * provincial office. `dhis2OrgUnitCode` is its organisation unit in the province's DHIS2.
 */
export const districts = pgTable(
  "districts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nameEn: text("name_en").notNull().unique(),
    nameUr: text("name_ur").notNull(),
    province: text("province").notNull(),
    dhis2OrgUnitCode: text("dhis2_org_unit_code").unique(),
    createdAt: createdAt(),
  },
  (t) => [check("districts_name_en_present", sql`length(trim(${t.nameEn})) > 0`)],
);

/** A tehsil (sub-district) of a district. */
export const tehsils = pgTable(
  "tehsils",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    dhis2OrgUnitCode: text("dhis2_org_unit_code").unique(),
    createdAt: createdAt(),
  },
  (t) => [unique("tehsils_district_name").on(t.districtId, t.nameEn), index("tehsils_district_idx").on(t.districtId)],
);
