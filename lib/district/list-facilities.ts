import { asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { districts, facilities, tehsils } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf, withinScope } from "./scope";

export type RegistryFacility = {
  id: string;
  name: string;
  kind: "hub" | "spoke";
  district: { id: string; nameEn: string; nameUr: string };
  tehsil: { id: string; nameEn: string; nameUr: string } | null;
  dhis2OrgUnitCode: string | null;
  latitude: number | null;
  longitude: number | null;
  patientChangeCutoffMinutes: number;
};

/** The facilities an admin's scope covers, district by district, hubs before the units they support. */
export async function listScopedFacilities(actor: Actor): Promise<RegistryFacility[]> {
  const scope = await districtScopeOf(actor);
  const rows = await db()
    .select({
      id: facilities.id,
      name: facilities.name,
      kind: facilities.kind,
      districtId: districts.id,
      districtEn: districts.nameEn,
      districtUr: districts.nameUr,
      tehsilId: tehsils.id,
      tehsilEn: tehsils.nameEn,
      tehsilUr: tehsils.nameUr,
      dhis2OrgUnitCode: facilities.dhis2OrgUnitCode,
      latitude: facilities.latitude,
      longitude: facilities.longitude,
      patientChangeCutoffMinutes: facilities.patientChangeCutoffMinutes,
    })
    .from(facilities)
    .innerJoin(districts, eq(districts.id, facilities.districtId))
    .leftJoin(tehsils, eq(tehsils.id, facilities.tehsilId))
    .where(withinScope(scope, facilities.districtId))
    .orderBy(asc(districts.nameEn), sql`${facilities.kind} <> 'hub'`, asc(facilities.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    district: { id: r.districtId, nameEn: r.districtEn, nameUr: r.districtUr },
    tehsil: r.tehsilId ? { id: r.tehsilId, nameEn: r.tehsilEn!, nameUr: r.tehsilUr! } : null,
    dhis2OrgUnitCode: r.dhis2OrgUnitCode,
    latitude: r.latitude,
    longitude: r.longitude,
    patientChangeCutoffMinutes: r.patientChangeCutoffMinutes,
  }));
}

/** The tehsils an admin may place a facility in, with their district. */
export async function listScopedTehsils(actor: Actor) {
  const scope = await districtScopeOf(actor);
  return db()
    .select({ id: tehsils.id, districtId: tehsils.districtId, nameEn: tehsils.nameEn, nameUr: tehsils.nameUr })
    .from(tehsils)
    .where(withinScope(scope, tehsils.districtId))
    .orderBy(asc(tehsils.nameEn));
}
