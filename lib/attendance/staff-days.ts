import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { attendanceDays } from "./day-facts";
import type { DayStatus } from "./days";
import { attendanceScope, type AttendancePeriod } from "./window";

export type StaffDay = {
  day: string;
  status: DayStatus;
  facilityName: string;
  /** The shift that day, minutes after midnight clinic time; null when none. */
  shift: { startsMinute: number; endsMinute: number } | null;
  leaveKind: string | null;
  firstSeen: Date | null;
  checks: number;
  conducted: number;
  hosted: number;
  onlineMinutes: number;
};

function staffDayOf(r: Record<string, unknown>): StaffDay {
  return {
    day: r.day_text as string,
    status: r.status as DayStatus,
    facilityName: r.facility_name as string,
    shift: r.starts_minute === null ? null : { startsMinute: Number(r.starts_minute), endsMinute: Number(r.ends_minute) },
    leaveKind: (r.leave_kind as string | null) ?? null,
    firstSeen: r.first_seen ? new Date(r.first_seen as string) : null,
    checks: Number(r.checks),
    conducted: Number(r.conducted),
    hosted: Number(r.hosted),
    onlineMinutes: Number(r.online_minutes),
  };
}

/**
 * One member of staff's days over a period, each judged against the roster in force on it: only
 * the days they were posted inside the admin's scope. Nobody in scope in the period: "not found".
 */
export async function attendanceOfStaff(actor: Actor, userId: string, period: AttendancePeriod, now = new Date()) {
  const { facilityWhere } = await attendanceScope(actor, period);
  if (!isUuid(userId)) throw notFound();
  const days = await attendanceDays({ ...period, facilityWhere, staffWhere: sql`s.user_id = ${userId}`, now });
  const rows = await db().execute<Record<string, unknown>>(sql`
    select d.*, d.day::text as day_text
      from (${days}) d
     order by d.day`);
  if (rows.length === 0) throw notFound();
  return { userId, name: rows[0]!.name as string, cadre: (rows[0]!.cadre as string | null) ?? null, days: rows.map(staffDayOf) };
}
