import { sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf, type DistrictScope } from "@/lib/district/scope";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { AGE_BAND_CONDITIONS, noShowAppointments, referralsMade, seenConsultations } from "./counting";

/** What the rows of a dashboard are: districts, facilities, or clinicians. */
export type Grouping = "district" | "facility" | "clinician";
export const groupings: readonly Grouping[] = ["district", "facility", "clinician"];

// DHIS2's usual age bands for outpatient figures.
export const AGE_BANDS = ["under_1", "1_4", "5_14", "15_49", "50_plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const ROUTES = ["booked", "walk_in", "see_now", "other"] as const;

export type DashboardRow = {
  /** The district, facility or clinician; null for the total row. */
  key: string | null;
  name: string | null;
  consultations: number;
  female: number;
  male: number;
  otherSex: number;
  ageBands: Record<AgeBand, number>;
  booked: number;
  walkIn: number;
  seeNow: number;
  otherRoute: number;
  /** Minutes from when the patient was due (check-in, or the booked time if later) to admission. */
  waitMedian: number | null;
  waitP90: number | null;
  noShows: number;
  audioOnly: number;
  dropped: number;
  referrals: number;
};

export type DashboardQuery = { from: Date; to: Date; groupBy: Grouping; facilityId?: string };

/** The facility column a figure is counted against, as SQL, by what the rows are. */
function keyOf(groupBy: Grouping, facility: string, clinician: string): SQL {
  if (groupBy === "district") return sql.raw(`${facility}.district_id`);
  if (groupBy === "facility") return sql.raw(`${facility}.id`);
  return sql.raw(clinician);
}

function scopeWhere(scope: DistrictScope, facilityAlias: string, facilityId?: string): SQL {
  const parts: SQL[] = [];
  if (scope.kind === "district") parts.push(sql`${sql.raw(facilityAlias)}.district_id = ${scope.districtId}`);
  if (facilityId) parts.push(sql`${sql.raw(facilityAlias)}.id = ${facilityId}`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * The district dashboard's figures over [from, to), one row per district, facility or clinician
 * in the admin's scope, and a total row last, all computed in PostgreSQL: nothing but the
 * aggregates leaves the database. A consultation belongs to its encounter's facility (the
 * hosting unit for a hosted call, the clinician's facility otherwise) and to the period it was
 * checked in; it counts once it was admitted (seen).
 */
export async function districtDashboard(actor: Actor, query: DashboardQuery): Promise<DashboardRow[]> {
  const scope = await districtScopeOf(actor);
  if (!(query.to > query.from)) throw new AppError("invalid", "form_invalid", { to: "period_invalid" });
  if (query.facilityId !== undefined && !isUuid(query.facilityId)) throw notFound();
  const from = query.from.toISOString();
  const to = query.to.toISOString();
  const consultationKey = keyOf(query.groupBy, "f", "c.clinician_id");
  const noShowKey = keyOf(query.groupBy, "f", "a.clinician_id");
  const referralKey = keyOf(query.groupBy, "f", "r.referred_by");
  const where = scopeWhere(scope, "f", query.facilityId);
  const label =
    query.groupBy === "district"
      ? sql`(select name_en from districts where id = coalesce(j.key, rf.key))`
      : query.groupBy === "facility"
        ? sql`(select name from facilities where id = coalesce(j.key, rf.key))`
        : sql`(select name from users where id = coalesce(j.key, rf.key))`;
  const rows = await db().execute<Record<string, unknown>>(sql`
    with seen as (${seenConsultations({ key: consultationKey, from, to, facilityWhere: where })}
    ),
    no_shows as (
      select key, grouping(key) = 1 as total, count(*)::int as n from (${noShowAppointments({ key: noShowKey, from, to, facilityWhere: where })}) x
       group by grouping sets ((key), ())
    ),
    referred as (
      select key, grouping(key) = 1 as total, count(*)::int as n from (${referralsMade({ key: referralKey, from, to, facilityWhere: where })}) x
       group by grouping sets ((key), ())
    ),
    figures as (
      select key, grouping(key) = 1 as total,
             count(*)::int as consultations,
             count(*) filter (where sex = 'female')::int as female,
             count(*) filter (where sex = 'male')::int as male,
             count(*) filter (where sex = 'other')::int as other_sex,
             count(*) filter (where ${AGE_BAND_CONDITIONS.under_1})::int as under_1,
             count(*) filter (where ${AGE_BAND_CONDITIONS["1_4"]})::int as a1_4,
             count(*) filter (where ${AGE_BAND_CONDITIONS["5_14"]})::int as a5_14,
             count(*) filter (where ${AGE_BAND_CONDITIONS["15_49"]})::int as a15_49,
             count(*) filter (where ${AGE_BAND_CONDITIONS["50_plus"]})::int as a50_plus,
             count(*) filter (where route = 'booked')::int as booked,
             count(*) filter (where route = 'walk_in')::int as walk_in,
             count(*) filter (where route = 'see_now')::int as see_now,
             count(*) filter (where route = 'other')::int as other_route,
             percentile_cont(0.5) within group (order by wait) as wait_median,
             percentile_cont(0.9) within group (order by wait) as wait_p90,
             count(*) filter (where audio_only)::int as audio_only,
             count(*) filter (where dropped)::int as dropped
        from seen
       group by grouping sets ((key), ())
    ),
    joined as (
      select coalesce(fg.total, ns.total) as total, coalesce(fg.key, ns.key) as key,
             fg.consultations, fg.female, fg.male, fg.other_sex, fg.under_1, fg.a1_4, fg.a5_14, fg.a15_49, fg.a50_plus,
             fg.booked, fg.walk_in, fg.see_now, fg.other_route, fg.wait_median, fg.wait_p90, fg.audio_only, fg.dropped,
             ns.n as no_shows
        from figures fg
        full join no_shows ns on ns.key is not distinct from fg.key and ns.total = fg.total
    )
    select coalesce(j.total, rf.total) as total, coalesce(j.key, rf.key) as key,
           case when coalesce(j.total, rf.total) then null else ${label} end as name,
           j.consultations, j.female, j.male, j.other_sex, j.under_1, j.a1_4, j.a5_14, j.a15_49, j.a50_plus,
           j.booked, j.walk_in, j.see_now, j.other_route, j.wait_median, j.wait_p90, j.audio_only, j.dropped,
           j.no_shows, rf.n as referrals
      from joined j
      full join referred rf on rf.key is not distinct from j.key and rf.total = j.total
     order by 1, 3`);
  const minutes = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
  const n = (value: unknown) => Number(value ?? 0);
  return rows.map((r) => ({
    key: r.total ? null : ((r.key as string | null) ?? null),
    name: (r.name as string | null) ?? null,
    consultations: n(r.consultations),
    female: n(r.female),
    male: n(r.male),
    otherSex: n(r.other_sex),
    ageBands: { under_1: n(r.under_1), "1_4": n(r.a1_4), "5_14": n(r.a5_14), "15_49": n(r.a15_49), "50_plus": n(r.a50_plus) },
    booked: n(r.booked),
    walkIn: n(r.walk_in),
    seeNow: n(r.see_now),
    otherRoute: n(r.other_route),
    waitMedian: minutes(r.wait_median),
    waitP90: minutes(r.wait_p90),
    noShows: n(r.no_shows),
    audioOnly: n(r.audio_only),
    dropped: n(r.dropped),
    referrals: n(r.referrals),
  }));
}
