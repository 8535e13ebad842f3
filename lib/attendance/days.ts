import { sql, type SQL } from "drizzle-orm";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

/**
 * What a member of staff's day was, held against the roster in force on it:
 * - `on_leave`: leave (not cancelled) covers the day, whatever else happened;
 * - `no_roster`: no roster had begun, so there is nothing to hold the day against;
 * - `off`: the roster has no shift that weekday;
 * - `present` / `late`: seen that day, first within LATE_AFTER_MINUTES of the shift's start or after;
 * - `pending`: not seen yet, and the shift has not ended;
 * - `absent`: not seen, the shift is over, no leave — absence without leave.
 * A day counts towards the attendance rate when it is present, late or absent.
 */
export const dayStatuses = ["present", "late", "absent", "on_leave", "off", "pending", "no_roster"] as const;
export type DayStatus = (typeof dayStatuses)[number];

/** Minutes after the shift's start before arriving counts as late. */
export const LATE_AFTER_MINUTES = 15;

const zone = sql.raw(`'${CLINIC_TIME_ZONE}'`);

/**
 * What counts as being seen at work on a day (the evidence), all of it recorded by the platform
 * as it happened, never typed in afterwards: a check-in or check-out on the facility's device
 * inside its geofence; a clinician going online or busy in the queue; a consultation the
 * clinician admitted; a call a member of facility staff hosted. A check outside the geofence is
 * kept and shown, but does not count.
 */
function evidenceSince(from: SQL, to: SQL, staff: SQL): SQL {
  // Each kind is limited to the staff in question, so a facility's year reads its own people's
  // rows through their indexes rather than the whole province's.
  return sql`
      select user_id, at, 'check' as kind from attendance_checks
       where within_geofence and at >= ${from} and at < ${to} and user_id in (${staff})
      union all
      select user_id, occurred_at, 'presence' from presence_events
       where kind in ('clinician_online', 'clinician_busy') and occurred_at >= ${from} and occurred_at < ${to} and user_id in (${staff})
      union all
      select clinician_id, first_admitted_at, 'conducted' from consultations
       where first_admitted_at >= ${from} and first_admitted_at < ${to} and clinician_id in (${staff})
      union all
      select hosted_by, checked_in_at, 'hosted' from consultations
       where hosted_by is not null and checked_in_at >= ${from} and checked_in_at < ${to} and hosted_by in (${staff})`;
}

/**
 * A list of clinic dates or ids as a PostgreSQL array parameter (drizzle would spread a JS array
 * into a list of parameters).
 */
export function sqlArray(values: readonly string[], type: "date" | "uuid"): SQL {
  return sql`${`{${values.join(",")}}`}::${sql.raw(type)}[]`;
}

/** The instants from the start of clinic day `fromDay` to the end of `toDay`, as SQL. */
export function clinicDaysBetween(fromDay: string, toDay: string): { start: SQL; end: SQL } {
  return {
    start: sql`(${fromDay}::date::timestamp at time zone ${zone})`,
    end: sql`((${toDay}::date + 1)::timestamp at time zone ${zone})`,
  };
}

export type AttendanceWindow = {
  /** Clinic dates, both included (YYYY-MM-DD). */
  fromDay: string;
  toDay: string;
  /** A condition on the facility `f` a member of staff was posted to that day (the scope). */
  facilityWhere: SQL;
  /** A condition on the member of staff (`s.user_id`, their account `u`), when only some are wanted. */
  staffWhere?: SQL;
  now: Date;
};

export type JudgedWindow = AttendanceWindow & {
  /** A condition on the member of staff's posting `p` and the day `d.day`, when only some days are wanted. */
  dayWhere?: SQL;
};

/** The columns of a judged day, in the order judgeAttendanceDays gives them. */
export const judgedDayColumns = [
  "user_id", "name", "cadre", "facility_id", "facility_name", "district_id", "day",
  "starts_minute", "ends_minute", "leave_kind", "rostered", "first_seen", "checks", "conducted", "hosted", "online_minutes", "status",
] as const;

/**
 * One row per member of staff per clinic day of the window, where they were posted that day
 * (their postings; someone never posted is counted at the facility on their account or clinician
 * profile), judged from what the platform recorded, in PostgreSQL. Columns (judgedDayColumns):
 * user_id, name, cadre (null when not recorded), facility_id, facility_name, district_id, day,
 * starts_minute and ends_minute (the shift, null when none), leave_kind, rostered, first_seen,
 * checks, conducted, hosted, online_minutes, status. Reports read days through ./day-facts.ts,
 * which keeps the judgement of each closed day rather than making it again.
 */
export function judgeAttendanceDays({ fromDay, toDay, facilityWhere, staffWhere, dayWhere, now }: JudgedWindow): SQL {
  const { start: windowStart, end: windowEnd } = clinicDaysBetween(fromDay, toDay);
  const nowAt = sql`${now.toISOString()}::timestamptz`;
  return sql`
    with days as (
      select d::date as day from generate_series(${fromDay}::date, ${toDay}::date, interval '1 day') d
    ),
    postings as (
      select sp.user_id, sp.facility_id, sp.starts_on, sp.ends_on from staff_postings sp
      union all
      select u.id, coalesce(u.facility_id, cp.facility_id), null, null
        from users u left join clinician_profiles cp on cp.user_id = u.id
       where u.role <> 'patient' and coalesce(u.facility_id, cp.facility_id) is not null
         and not exists (select 1 from staff_postings sp where sp.user_id = u.id)
    ),
    -- The postings in scope, once per posting, before they meet the days.
    posted as (
      select s.user_id, s.starts_on, s.ends_on, u.name, u.disabled_at, sr.cadre::text as cadre, f.id as facility_id, f.name as facility_name, f.district_id
        from postings s
        join users u on u.id = s.user_id and u.role <> 'patient'
        join facilities f on f.id = s.facility_id
        left join staff_records sr on sr.user_id = s.user_id
       where ${facilityWhere} and ${staffWhere ?? sql`true`}
    ),
    staff as (select distinct user_id from posted),
    staff_days as (
      select p.user_id, p.name, p.cadre, p.facility_id, p.facility_name, p.district_id, d.day
        from posted p
        join days d on (p.starts_on is null or p.starts_on <= d.day) and (p.ends_on is null or p.ends_on >= d.day)
       -- A disabled account keeps the days it worked: its history stays; from the day it was disabled, nothing is expected.
       where (p.disabled_at is null or d.day < (p.disabled_at at time zone ${zone})::date) and ${dayWhere ?? sql`true`}
    ),
    -- Each roster in force from its date until the next one of the same person begins.
    rosters as (
      select r.id, r.user_id, r.effective_from, lead(r.effective_from) over (partition by r.user_id order by r.effective_from, r.created_at) as until
        from staff_rosters r where r.user_id in (select user_id from staff)
    ),
    evidence as (
      select e.user_id, (e.at at time zone ${zone})::date as day, min(e.at) as first_seen,
             count(*) filter (where e.kind = 'check')::int as checks,
             count(*) filter (where e.kind = 'conducted')::int as conducted,
             count(*) filter (where e.kind = 'hosted')::int as hosted
        from (${evidenceSince(windowStart, windowEnd, sql`select user_id from staff`)}) e
       group by 1, 2
    ),
    online as (
      -- Minutes online or busy: each such status lasts until the clinician's next change, cut at
      -- the end of the clinic day it began on and at now.
      select user_id, (occurred_at at time zone ${zone})::date as day,
             sum(extract(epoch from least(next_at, ((occurred_at at time zone ${zone})::date + 1)::timestamp at time zone ${zone}, ${nowAt}) - occurred_at) / 60)::int as minutes
        from (select user_id, kind, occurred_at, coalesce(lead(occurred_at) over (partition by user_id order by occurred_at), ${nowAt}) as next_at
                from presence_events
               where kind in ('clinician_online', 'clinician_busy', 'clinician_away')
                 and occurred_at >= ${windowStart} and occurred_at < ${windowEnd}
                 and user_id in (select user_id from staff)) p
       where kind <> 'clinician_away'
       group by 1, 2
    ),
    judged as (
      select sd.*, sh.starts_minute, sh.ends_minute, l.kind::text as leave_kind, r.id is not null as rostered,
             ev.first_seen, coalesce(ev.checks, 0) as checks, coalesce(ev.conducted, 0) as conducted,
             coalesce(ev.hosted, 0) as hosted, greatest(coalesce(o.minutes, 0), 0) as online_minutes
        from staff_days sd
        left join rosters r on r.user_id = sd.user_id and r.effective_from <= sd.day and (r.until is null or sd.day < r.until)
        left join staff_roster_shifts sh on sh.roster_id = r.id and sh.weekday = extract(isodow from sd.day)
        -- Leave cannot overlap (staff_leave_no_overlap), so a day joins at most one.
        left join staff_leave l on l.user_id = sd.user_id and l.cancelled_at is null and sd.day between l.starts_on and l.ends_on
        left join evidence ev on ev.user_id = sd.user_id and ev.day = sd.day
        left join online o on o.user_id = sd.user_id and o.day = sd.day
    )
    select j.user_id, j.name, j.cadre, j.facility_id, j.facility_name, j.district_id, j.day,
           j.starts_minute, j.ends_minute, j.leave_kind, j.rostered, j.first_seen, j.checks, j.conducted, j.hosted, j.online_minutes,
           case when j.leave_kind is not null then 'on_leave'
                when not j.rostered then 'no_roster'
                when j.starts_minute is null then 'off'
                when j.first_seen is not null then
                  case when j.first_seen > (j.day::timestamp + make_interval(mins => j.starts_minute + ${LATE_AFTER_MINUTES})) at time zone ${zone}
                       then 'late' else 'present' end
                when ${nowAt} < (j.day::timestamp + make_interval(mins => j.ends_minute)) at time zone ${zone} then 'pending'
                else 'absent' end as status
      from judged j`;
}
