import { sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf } from "@/lib/district/scope";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { noShowAppointments, referralsMade, seenByWaitMinute, seenCounts, type CountingWindow } from "./counting";

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
  /**
   * Whole minutes (completed: 4 min 59 s is 4) from when the patient was due (check-in, or the
   * booked time if later) to admission: the median and 90th percentile of those.
   */
  waitMedian: number | null;
  waitP90: number | null;
  noShows: number;
  audioOnly: number;
  dropped: number;
  referrals: number;
};

/**
 * The p-th percentile of the whole-minute waits of a `ranked` group, as percentile_cont computes
 * it: the values at ranks floor(p·(n−1)) and ceil(p·(n−1)) (0-based), interpolated between.
 */
function waitPercentile(p: number): SQL {
  // last_rank is the same on every row of a group: inside FILTER it is read row by row.
  const rowRank = sql`${sql.raw(String(p))} * last_rank`;
  const rank = sql`${sql.raw(String(p))} * max(last_rank)`;
  const at = (whole: SQL) => sql`min(wait_minutes) filter (where up_to > ${whole})`;
  return sql`(${at(sql`floor(${rowRank})`)} + (${rank} - floor(${rank})) * (${at(sql`ceil(${rowRank})`)} - ${at(sql`floor(${rowRank})`)}))`;
}

export type DashboardQuery = { from: Date; to: Date; groupBy: Grouping; facilityId?: string };

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
  const window: CountingWindow = {
    by: query.groupBy,
    from,
    to,
    scope: { districtId: scope.kind === "district" ? scope.districtId : undefined, facilityId: query.facilityId },
  };
  const label =
    query.groupBy === "district"
      ? sql`(select name_en from districts where id = coalesce(j.key, rf.key))`
      : query.groupBy === "facility"
        ? sql`(select name from facilities where id = coalesce(j.key, rf.key))`
        : sql`(select name from users where id = coalesce(j.key, rf.key))`;
  const rows = await db().execute<Record<string, unknown>>(sql`
    with seen as (${seenByWaitMinute(window)}
    ),
    no_shows as (
      select key, grouping(key) = 1 as total, count(*)::int as n from (${noShowAppointments(window)}) x
       group by grouping sets ((key), ())
    ),
    referred as (
      select key, grouping(key) = 1 as total, count(*)::int as n from (${referralsMade(window)}) x
       group by grouping sets ((key), ())
    ),
    -- One pass over what was seen: the figures per key and in total, and the same per whole
    -- minute of wait, the histogram the waits' median and 90th percentile are read from
    -- (percentile_cont over those minutes, from the running counts, instead of sorting every wait).
    grouped as (
      select key, grouping(key) = 1 as total, wait_minutes, grouping(wait_minutes) = 1 as every_minute,
             ${sql.join(
               seenCounts.map((name) => sql.raw(`sum(${name})::int as ${name}`)),
               sql`, `,
             )}
        from seen
       group by grouping sets ((key), (), (key, wait_minutes), (wait_minutes))
    ),
    figures as (select * from grouped where every_minute),
    histogram as (select key, total, wait_minutes, consultations as n from grouped where not every_minute),
    ranked as (
      select total, key, wait_minutes,
             sum(n) over (partition by total, key order by wait_minutes) as up_to,
             sum(n) over (partition by total, key) - 1 as last_rank
        from histogram
       where n > 0
    ),
    waits as (
      select total, key, ${waitPercentile(0.5)} as wait_median, ${waitPercentile(0.9)} as wait_p90
        from ranked
       group by total, key
    ),
    joined as (
      select coalesce(fg.total, ns.total) as total, coalesce(fg.key, ns.key) as key,
             fg.consultations, fg.female, fg.male, fg.other_sex, fg.under_1, fg.age_1_4, fg.age_5_14, fg.age_15_49, fg.age_50_plus,
             fg.booked, fg.walk_in, fg.see_now, fg.other_route, w.wait_median, w.wait_p90, fg.audio_only, fg.dropped,
             ns.n as no_shows
        from figures fg
        left join waits w on w.key is not distinct from fg.key and w.total = fg.total
        full join no_shows ns on ns.key is not distinct from fg.key and ns.total = fg.total
    )
    select coalesce(j.total, rf.total) as total, coalesce(j.key, rf.key) as key,
           case when coalesce(j.total, rf.total) then null else ${label} end as name,
           j.consultations, j.female, j.male, j.other_sex, j.under_1, j.age_1_4, j.age_5_14, j.age_15_49, j.age_50_plus,
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
    ageBands: { under_1: n(r.under_1), "1_4": n(r.age_1_4), "5_14": n(r.age_5_14), "15_49": n(r.age_15_49), "50_plus": n(r.age_50_plus) },
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
