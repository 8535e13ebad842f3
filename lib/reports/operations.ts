import { sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { attendanceCounts } from "@/lib/attendance/day-facts";
import { facilitiesOf } from "@/lib/attendance/window";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { districtScopeOf } from "@/lib/district/scope";
import { minutesAfterTriage } from "@/lib/emergency/response-times";
import { AppError } from "@/lib/errors";
import type { DashboardQuery, Grouping } from "./dashboard";

/**
 * The dashboard's other half: how the facilities ran over the period, beside what was seen
 * there. Stock, complaints and emergencies belong to a facility, not to a clinician, so on the
 * clinician rows they are null; attendance is per person, so it has a figure on every row.
 */
export type OperationsRow = {
  /** The district, facility or clinician; null for the total row. */
  key: string | null;
  name: string | null;
  attendance: {
    /** Scheduled days, not on leave, that are over or begun (present + late + absent). */
    counted: number;
    /** Present or late. */
    attended: number;
    /** attended ÷ counted, 0–1; null when no day counts. */
    rate: number | null;
  };
  stock: {
    /** Medicines that were out of stock at a facility at some time in the period (one per facility and medicine). */
    outs: number;
    /** The days they were out, within the period, summed. */
    outDays: number;
  } | null;
  complaints: {
    /** Filed in the period. */
    filed: number;
    /** Of those, not resolved yet. */
    open: number;
    /** Of the open ones, past their SLA now. */
    overdue: number;
  } | null;
  emergencies: {
    /** Emergency referrals raised in the period. */
    raised: number;
    /** Of those, still without an outcome. */
    open: number;
    /** Median minutes from the triage to transport being called, and to the patient leaving. */
    calledMedian: number | null;
    leftMedian: number | null;
  } | null;
};

export type OperationsQuery = DashboardQuery & { fromText: string; toText: string };

/** Facility-level figures have no clinician to belong to. */
const byFacility = (groupBy: Grouping) => groupBy !== "clinician";

function facilityKey(groupBy: Grouping): SQL {
  return groupBy === "district" ? sql`f.district_id` : sql`f.id`;
}

/**
 * Attendance, stock-outs, complaints and emergency response over [from, to), one row per
 * district, facility or clinician in the admin's scope with anything to show, and a total row
 * last, all counted in PostgreSQL. Attendance is judged by lib/attendance (the roster, leave and
 * what the platform saw) over the period's clinic days, up to `now`; emergency response as on the
 * emergencies page (lib/emergency/response-times.ts).
 */
export async function districtOperations(actor: Actor, query: OperationsQuery, now = new Date()): Promise<OperationsRow[]> {
  const scope = await districtScopeOf(actor);
  if (!(query.to > query.from)) throw new AppError("invalid", "form_invalid", { to: "period_invalid" });
  const facilityWhere = facilitiesOf(scope, query.facilityId);
  const from = sql`${query.from.toISOString()}::timestamptz`;
  const to = sql`${query.to.toISOString()}::timestamptz`;
  const nowAt = sql`${now.toISOString()}::timestamptz`;
  const groupBy = query.groupBy;
  const clinicians = groupBy === "clinician";
  const attendanceCounted = await attendanceCounts({
    fromDay: query.fromText,
    toDay: query.toText,
    facilityWhere,
    // On clinician rows, the total is the clinicians' own.
    staffWhere: clinicians ? sql`u.role in (${sql.join(clinicianRoles.map((role) => sql`${role}`), sql`, `)})` : undefined,
    now,
  });
  const attendanceKey = groupBy === "district" ? sql`district_id` : groupBy === "facility" ? sql`facility_id` : sql`user_id`;
  const key = facilityKey(groupBy);
  const label =
    groupBy === "district"
      ? sql`(select name_en from districts where id = k.key)`
      : groupBy === "facility"
        ? sql`(select name from facilities where id = k.key)`
        : sql`(select name from users where id = k.key)`;
  const facilityFigures = byFacility(groupBy);
  const rows = await db().execute<Record<string, unknown>>(sql`
    with attendance as (
      select ${attendanceKey} as key, grouping(${attendanceKey}) = 1 as total,
             coalesce(sum(present + late + absent), 0)::int as counted,
             coalesce(sum(present + late), 0)::int as attended
        from (${attendanceCounted}) d
       group by grouping sets ((${attendanceKey}), ())
    ),
    stock_outs as (
      select ${key} as key, grouping(${key}) = 1 as total,
             count(distinct (a.facility_id, a.medicine_code))::int as outs,
             sum(extract(epoch from least(coalesce(a.cleared_at, ${nowAt}), ${to}, ${nowAt}) - greatest(a.raised_at, ${from})) / 86400) as out_days
        from stock_alerts a join facilities f on f.id = a.facility_id
       where ${facilityFigures} and a.level = 'out' and a.raised_at < ${to} and (a.cleared_at is null or a.cleared_at > ${from})
         and ${facilityWhere}
       group by grouping sets ((${key}), ())
    ),
    complaints_filed as (
      select ${key} as key, grouping(${key}) = 1 as total, count(*)::int as filed,
             count(*) filter (where c.status <> 'resolved')::int as open,
             count(*) filter (where c.status <> 'resolved' and c.due_at < ${nowAt})::int as overdue
        from complaints c join facilities f on f.id = c.facility_id
       where ${facilityFigures} and c.filed_at >= ${from} and c.filed_at < ${to} and ${facilityWhere}
       group by grouping sets ((${key}), ())
    ),
    emergencies as (
      select ${key} as key, grouping(${key}) = 1 as total, count(*)::int as raised,
             count(*) filter (where r.outcome is null)::int as open,
             percentile_cont(0.5) within group (order by ${minutesAfterTriage(sql`r.transport_called_at`)}) as called_median,
             percentile_cont(0.5) within group (order by ${minutesAfterTriage(sql`r.left_at`)}) as left_median
        from emergency_referrals r join facilities f on f.id = r.facility_id
       where ${facilityFigures} and r.raised_at >= ${from} and r.raised_at < ${to} and ${facilityWhere}
       group by grouping sets ((${key}), ())
    ),
    keys as (
      select key, total from attendance where counted > 0 or total
      union select key, total from stock_outs
      union select key, total from complaints_filed
      union select key, total from emergencies
    )
    select k.key, k.total, case when k.total then null else ${label} end as name,
           a.counted, a.attended, s.outs, s.out_days, c.filed, c.open as complaints_open, c.overdue,
           e.raised, e.open as emergencies_open, e.called_median, e.left_median
      from keys k
      left join attendance a on a.key is not distinct from k.key and a.total = k.total
      left join stock_outs s on s.key is not distinct from k.key and s.total = k.total
      left join complaints_filed c on c.key is not distinct from k.key and c.total = k.total
      left join emergencies e on e.key is not distinct from k.key and e.total = k.total
     order by k.total, name`);
  const n = (value: unknown) => Number(value ?? 0);
  const minutes = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
  // The grouping sets' empty set gives the total row even when nothing matched.
  return rows.map((r): OperationsRow => {
    const counted = n(r.counted);
    return {
      key: r.total ? null : ((r.key as string | null) ?? null),
      name: (r.name as string | null) ?? null,
      attendance: { counted, attended: n(r.attended), rate: counted > 0 ? n(r.attended) / counted : null },
      stock: facilityFigures ? { outs: n(r.outs), outDays: Math.round(n(r.out_days) * 10) / 10 } : null,
      complaints: facilityFigures ? { filed: n(r.filed), open: n(r.complaints_open), overdue: n(r.overdue) } : null,
      emergencies: facilityFigures
        ? { raised: n(r.raised), open: n(r.emergencies_open), calledMedian: minutes(r.called_median), leftMedian: minutes(r.left_median) }
        : null,
    };
  });
}
