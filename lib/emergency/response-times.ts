import { sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf } from "@/lib/district/scope";

export type ResponseTimes = {
  /** The row of the whole scope, after the facilities'. */
  total: boolean;
  facilityId: string | null;
  facilityName: string | null;
  referrals: number;
  open: number;
  /** Minutes from the triage to transport being called, and to the patient leaving. */
  toCalledMedian: number | null;
  toCalledP90: number | null;
  toLeftMedian: number | null;
  toLeftP90: number | null;
  arrived: number;
  diedBeforeArrival: number;
};

/**
 * Minutes from the triage of the referral `r` to `at`, never below 0; null when `at` is
 * (greatest() alone would make it 0). The district dashboard counts with it too.
 */
export const minutesAfterTriage = (at: SQL) => sql`case when ${at} is not null then greatest(0, extract(epoch from ${at} - r.raised_at) / 60) end`;

/**
 * Emergency response times per facility over [from, to), and the scope's total (the last row,
 * `total`): median and 90th percentile, computed in PostgreSQL over the referrals raised in
 * the period. A referral whose transport was never called counts in `referrals`, not in the times;
 * transport called before the triage was written down (allowed up to an hour) counts as 0 minutes.
 */
export async function emergencyResponseTimes(actor: Actor, period: { from: Date; to: Date }): Promise<ResponseTimes[]> {
  const scope = await districtScopeOf(actor);
  const inScope = scope.kind === "province" ? sql`true` : sql`f.district_id = ${scope.districtId}`;
  const rows = await db().execute<Record<string, unknown>>(sql`
    select grouping(f.id, f.name) = 3 as total, f.id as facility_id, f.name as facility_name,
           count(*)::int as referrals,
           count(*) filter (where r.outcome is null)::int as open,
           percentile_cont(0.5) within group (order by ${minutesAfterTriage(sql`r.transport_called_at`)}) as to_called_median,
           percentile_cont(0.9) within group (order by ${minutesAfterTriage(sql`r.transport_called_at`)}) as to_called_p90,
           percentile_cont(0.5) within group (order by ${minutesAfterTriage(sql`r.left_at`)}) as to_left_median,
           percentile_cont(0.9) within group (order by ${minutesAfterTriage(sql`r.left_at`)}) as to_left_p90,
           count(*) filter (where r.outcome in ('arrived', 'admitted', 'treated_discharged', 'referred_on'))::int as arrived,
           count(*) filter (where r.outcome = 'died_before_arrival')::int as died_before_arrival
      from emergency_referrals r
      left join facilities f on f.id = r.facility_id
     where r.raised_at >= ${period.from.toISOString()}::timestamptz and r.raised_at < ${period.to.toISOString()}::timestamptz and ${inScope}
     group by grouping sets ((f.id, f.name), ())
     order by grouping(f.id), f.name`);
  const minutes = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
  return rows.map((r) => ({
    total: r.total === true,
    facilityId: (r.facility_id as string | null) ?? null,
    facilityName: (r.facility_name as string | null) ?? null,
    referrals: Number(r.referrals),
    open: Number(r.open),
    toCalledMedian: minutes(r.to_called_median),
    toCalledP90: minutes(r.to_called_p90),
    toLeftMedian: minutes(r.to_left_median),
    toLeftP90: minutes(r.to_left_p90),
    arrived: Number(r.arrived),
    diedBeforeArrival: Number(r.died_before_arrival),
  }));
}
