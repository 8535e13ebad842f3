import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/roles";
import { attendanceDays } from "./day-facts";
import { attendanceScope, type AttendancePeriod } from "./window";

/** Days by what they were, and the attendance rate: present and late over the days that count. */
export type AttendanceCounts = {
  present: number;
  late: number;
  absent: number;
  onLeave: number;
  off: number;
  pending: number;
  noRoster: number;
  /** Present + late + absent: the scheduled days, not on leave, that are over or begun. */
  counted: number;
  /** (present + late) ÷ counted, 0–1; null when no day counts. */
  rate: number | null;
};

export type AttendanceSummary = {
  total: AttendanceCounts;
  byFacility: (AttendanceCounts & { facilityId: string; facilityName: string })[];
  /** Cadre null: staff whose cadre is not in the registry yet. */
  byCadre: (AttendanceCounts & { cadre: string | null })[];
  byDay: (AttendanceCounts & { day: string })[];
  byStaff: (AttendanceCounts & { userId: string; name: string; cadre: string | null; facilityNames: string })[];
  /** Every absence without leave in the period, newest first. */
  absences: { userId: string; name: string; cadre: string | null; facilityName: string; day: string }[];
};

function countsOf(r: Record<string, unknown>): AttendanceCounts {
  const n = (key: string) => Number(r[key] ?? 0);
  const counted = n("present") + n("late") + n("absent");
  return {
    present: n("present"),
    late: n("late"),
    absent: n("absent"),
    onLeave: n("on_leave"),
    off: n("off"),
    pending: n("pending"),
    noRoster: n("no_roster"),
    counted,
    rate: counted > 0 ? (n("present") + n("late")) / counted : null,
  };
}

/**
 * Attendance over a period for the admin's scope, per facility, cadre, day and member of staff
 * and in total, with the absences without leave; every day judged and counted in PostgreSQL
 * (./days.ts), only the counts leave it.
 */
export async function attendanceSummary(actor: Actor, period: AttendancePeriod, now = new Date()): Promise<AttendanceSummary> {
  const { facilityWhere } = await attendanceScope(actor, period);
  const days = await attendanceDays({ fromDay: period.fromDay, toDay: period.toDay, facilityWhere, now });
  const [rows, absences] = await Promise.all([
    db().execute<Record<string, unknown>>(sql`
      select case when grouping(user_id) = 0 then 'staff' when grouping(facility_id) = 0 then 'facility'
                  when grouping(cadre) = 0 then 'cadre' when grouping(day) = 0 then 'day' else 'total' end as dimension,
             user_id, name, cadre, facility_id, facility_name, day::text as day,
             string_agg(distinct facility_name, ', ') as facility_names,
             count(*) filter (where status = 'present')::int as present,
             count(*) filter (where status = 'late')::int as late,
             count(*) filter (where status = 'absent')::int as absent,
             count(*) filter (where status = 'on_leave')::int as on_leave,
             count(*) filter (where status = 'off')::int as off,
             count(*) filter (where status = 'pending')::int as pending,
             count(*) filter (where status = 'no_roster')::int as no_roster
        from (${days}) d
       group by grouping sets ((user_id, name, cadre), (facility_id, facility_name), (cadre), (day), ())
       order by facility_name, name, day`),
    db().execute<Record<string, string | null>>(sql`
      select user_id, name, cadre, facility_name, day::text as day from (${days}) d
       where status = 'absent' order by day desc, facility_name, name`),
  ]);
  const of = (dimension: string) => rows.filter((r) => r.dimension === dimension);
  const total = of("total")[0];
  return {
    total: total ? countsOf(total) : countsOf({}),
    byFacility: of("facility").map((r) => ({ ...countsOf(r), facilityId: r.facility_id as string, facilityName: r.facility_name as string })),
    byCadre: of("cadre").map((r) => ({ ...countsOf(r), cadre: (r.cadre as string | null) ?? null })),
    byDay: of("day").map((r) => ({ ...countsOf(r), day: r.day as string })),
    byStaff: of("staff").map((r) => ({ ...countsOf(r), userId: r.user_id as string, name: r.name as string, cadre: (r.cadre as string | null) ?? null, facilityNames: r.facility_names as string })),
    absences: absences.map((r) => ({ userId: r.user_id!, name: r.name!, cadre: r.cadre ?? null, facilityName: r.facility_name!, day: r.day! })),
  };
}
