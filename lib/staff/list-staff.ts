import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf } from "@/lib/district/scope";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { dutyOf } from "./duty";
import type { Shift } from "./roster-rules";

export type StaffRow = {
  id: string;
  name: string;
  role: string;
  cadre: string | null;
  registrationNumber: string | null;
  facilityId: string | null;
  facilityName: string | null;
  postedSince: string | null;
  /** The duty roster in force today (or the next to begin), and leave from today on. */
  roster: { effectiveFrom: string; shifts: Shift[] } | null;
  leave: { id: string; kind: string; startsOn: string; endsOn: string; note: string | null }[];
};

/** The staff of the admin's scope: who they are, their registration, where they are posted, their roster and leave. */
export async function listScopedStaff(actor: Actor): Promise<StaffRow[]> {
  const scope = await districtScopeOf(actor);
  const inScope = scope.kind === "province" ? sql`true` : sql`f.district_id = ${scope.districtId}`;
  const rows = await db().execute<Record<string, string | null>>(sql`
    select u.id, u.name, u.role, sr.cadre, sr.registration_number, f.id as facility_id, f.name as facility_name, p.starts_on::text as posted_since
      from users u
      left join staff_records sr on sr.user_id = u.id
      left join lateral (select facility_id, starts_on from staff_postings sp where sp.user_id = u.id and sp.ends_on is null order by sp.starts_on desc limit 1) p on true
      left join facilities f on f.id = coalesce(p.facility_id, u.facility_id, (select cp.facility_id from clinician_profiles cp where cp.user_id = u.id))
     where u.role <> 'patient' and u.disabled_at is null
       and (${inScope} or (f.id is null and ${scope.kind === "province"}))
     order by f.name nulls last, u.name`);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: CLINIC_TIME_ZONE }).format(new Date());
  const duty = await dutyOf(db(), rows.map((r) => r.id!), today);
  return rows.map((r) => ({
    id: r.id!,
    name: r.name!,
    role: r.role!,
    cadre: r.cadre ?? null,
    registrationNumber: r.registration_number ?? null,
    facilityId: r.facility_id ?? null,
    facilityName: r.facility_name ?? null,
    postedSince: r.posted_since ?? null,
    roster: duty.get(r.id!)?.roster ?? null,
    leave: (duty.get(r.id!)?.leave ?? []).map(({ id, kind, startsOn, endsOn, note }) => ({ id, kind, startsOn, endsOn, note })),
  }));
}
