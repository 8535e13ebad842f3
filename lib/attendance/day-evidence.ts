import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { clinicDaysBetween } from "./days";
import { attendanceOfStaff } from "./staff-days";

/**
 * The evidence of one member of staff's day, for the officer who questions it: the day as
 * judged, and every record it was judged on — each check on the facility's device (inside the
 * geofence or not, with its distance), each change of the clinician's status, each consultation
 * they admitted and each call they hosted (times and facility only: no clinical detail).
 */
export async function attendanceEvidence(actor: Actor, userId: string, day: string, now = new Date()) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw notFound();
  const staff = await attendanceOfStaff(actor, userId, { fromDay: day, toDay: day }, now);
  const { start: dayStart, end: dayEnd } = clinicDaysBetween(day, day);
  const [checks, statuses, consultations] = await Promise.all([
    db().execute<{ id: string; kind: string; at: string; distance_m: number; within_geofence: boolean; accuracy_m: number; facility_name: string }>(sql`
      select a.id, a.kind, a.at, a.distance_m, a.within_geofence, a.accuracy_m, f.name as facility_name
        from attendance_checks a join facilities f on f.id = a.facility_id
       where a.user_id = ${userId} and a.at >= ${dayStart} and a.at < ${dayEnd} order by a.at`),
    db().execute<{ kind: string; occurred_at: string }>(sql`
      select kind, occurred_at from presence_events
       where user_id = ${userId} and kind in ('clinician_online', 'clinician_busy', 'clinician_away')
         and occurred_at >= ${dayStart} and occurred_at < ${dayEnd} order by occurred_at`),
    db().execute<{ role: string; at: string; ended_at: string | null; facility_name: string | null }>(sql`
      select 'conducted' as role, c.first_admitted_at as at, c.ended_at, f.name as facility_name
        from consultations c join encounters e on e.id = c.encounter_id left join facilities f on f.id = e.facility_id
       where c.clinician_id = ${userId} and c.first_admitted_at >= ${dayStart} and c.first_admitted_at < ${dayEnd}
      union all
      select 'hosted', c.checked_in_at, c.ended_at, f.name
        from consultations c join encounters e on e.id = c.encounter_id left join facilities f on f.id = e.facility_id
       where c.hosted_by = ${userId} and c.checked_in_at >= ${dayStart} and c.checked_in_at < ${dayEnd}
       order by 2`),
  ]);
  return {
    staff: { userId, name: staff.name, cadre: staff.cadre },
    day: staff.days[0]!,
    checks: checks.map((c) => ({ id: c.id, kind: c.kind, at: new Date(c.at), distanceM: c.distance_m, withinGeofence: c.within_geofence, accuracyM: c.accuracy_m, facilityName: c.facility_name })),
    statuses: statuses.map((s) => ({ status: s.kind.replace("clinician_", ""), at: new Date(s.occurred_at) })),
    consultations: consultations.map((c) => ({ role: c.role as "conducted" | "hosted", at: new Date(c.at), endedAt: c.ended_at ? new Date(c.ended_at) : null, facilityName: c.facility_name })),
  };
}
