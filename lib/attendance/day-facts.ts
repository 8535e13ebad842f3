import { eachDayOfInterval, eachMonthOfInterval, endOfMonth, format, parseISO } from "date-fns";
import { sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { clinicToday } from "@/lib/booking/slots";
import { judgeAttendanceDays, judgedDayColumns, sqlArray, type AttendanceWindow } from "./days";

const columns = sql.raw(judgedDayColumns.join(", "));

/** Which days of a window are judged as they are read rather than read from the kept judgements. */
type KeptState = {
  /** Days not closed at `now`, or not judged yet: judged for everyone, oldest first. */
  fresh: string[];
  /** People with a day of the window marked stale. */
  staleUsers: string[];
};

async function keptState({ fromDay, toDay, now }: AttendanceWindow, executor: DbOrTx): Promise<KeptState> {
  const [state] = await executor.execute<{ fresh: string[] | null; stale_users: string[] | null }>(sql`
    select array(select d::date::text from generate_series(${fromDay}::date, ${toDay}::date, interval '1 day') d
                  where d::date >= ${clinicToday(now)}::date or not exists (select 1 from attendance_judged_days j where j.day = d::date)
                  order by 1) as fresh,
           array(select distinct user_id from attendance_stale_days where day between ${fromDay}::date and ${toDay}::date) as stale_users`);
  return { fresh: state?.fresh ?? [], staleUsers: state?.stale_users ?? [] };
}

const marked = (user: SQL, day: SQL) => sql`exists (select 1 from attendance_stale_days m where m.user_id = ${user} and m.day = ${day})`;

/** Every column of a judged day, from a kept one (`s`). */
const keptColumns = sql`s.user_id, u.name, sr.cadre::text as cadre, s.facility_id, f.name as facility_name, f.district_id, s.day,
  s.starts_minute, s.ends_minute, s.leave_kind, s.rostered, s.first_seen, s.checks, s.conducted, s.hosted, s.online_minutes, s.status`;

/**
 * The kept days of the window that are used (judged, not fresh, not marked), `part` of them, with
 * `select` of each (the kept day `s`, the account `u`, the facility `f`, the registry `sr`).
 */
function keptDays(window: AttendanceWindow, { fresh, staleUsers }: KeptState, select: SQL, part: SQL = sql`true`): SQL {
  const { fromDay, toDay, facilityWhere, staffWhere } = window;
  return sql`
    select ${select}
      from attendance_day_facts s
      join users u on u.id = s.user_id
      join facilities f on f.id = s.facility_id
      left join staff_records sr on sr.user_id = s.user_id
     where s.day between ${fromDay}::date and ${toDay}::date and not (s.day = any (${sqlArray(fresh, "date")}))
       and not (s.user_id = any (${sqlArray(staleUsers, "uuid")}) and ${marked(sql`s.user_id`, sql`s.day`)})
       and ${facilityWhere} and ${staffWhere ?? sql`true`} and ${part}`;
}

/** The days of the window judged as they are read: fresh days for everyone, marked days of their people. */
function judgedNow(window: AttendanceWindow, { fresh, staleUsers }: KeptState): SQL[] {
  const freshDays = sqlArray(fresh, "date");
  const parts: SQL[] = [];
  if (fresh.length > 0) {
    parts.push(sql`
      select ${columns} from (${judgeAttendanceDays({
        ...window,
        fromDay: fresh[0]!,
        toDay: fresh[fresh.length - 1]!,
        dayWhere: sql`d.day = any (${freshDays})`,
      })}) fresh_days`);
  }
  if (staleUsers.length > 0) {
    parts.push(sql`
      select ${columns} from (${judgeAttendanceDays({
        ...window,
        staffWhere: sql`s.user_id = any (${sqlArray(staleUsers, "uuid")}) and ${window.staffWhere ?? sql`true`}`,
        dayWhere: sql`not (d.day = any (${freshDays})) and ${marked(sql`p.user_id`, sql`d.day`)}`,
      })}) stale_days`);
  }
  return parts;
}

/**
 * The days of the window as judgeAttendanceDays would judge them now (same rows, same columns),
 * read where it can from the judgements kept for closed days (attendance_day_facts) and judged
 * afresh where it must:
 * - days not judged yet (today, days not closed at `now`, days the job has not reached) for
 *   everyone in scope;
 * - a closed day of someone marked stale (something it was judged from changed since), for them.
 * A kept day is used only when it is judged and not marked, and a marked one is judged afresh only
 * then, both tested in the one statement, so every day is there once whatever the job does
 * meanwhile. One round trip first finds the days and people to judge afresh, so that each part is
 * planned for its own dates.
 */
export async function attendanceDays(window: AttendanceWindow, executor: DbOrTx = db()): Promise<SQL> {
  const state = await keptState(window, executor);
  return sql.join([keptDays(window, state, keptColumns), ...judgedNow(window, state)], sql` union all `);
}

const isoDay = (day: Date) => format(day, "yyyy-MM-dd");

/** Every clinic date from `fromDay` to `toDay`, both included. */
function daysBetween(fromDay: string, toDay: string): string[] {
  return eachDayOfInterval({ start: parseISO(fromDay), end: parseISO(toDay) }).map(isoDay);
}

/** The first days of the months wholly inside [fromDay, toDay] none of whose days is fresh. */
function keptMonths({ fromDay, toDay }: AttendanceWindow, { fresh }: KeptState): string[] {
  const freshMonths = new Set(fresh.map((day) => `${day.slice(0, 7)}-01`));
  return eachMonthOfInterval({ start: parseISO(fromDay), end: parseISO(toDay) })
    .filter((first) => isoDay(first) >= fromDay && isoDay(endOfMonth(first)) <= toDay)
    .map(isoDay)
    .filter((first) => !freshMonths.has(first));
}

/** The count columns of attendanceCounts, one per day status. */
const countColumns = ["present", "late", "absent", "on_leave", "off", "pending", "no_roster"] as const;

/**
 * The window's days counted by status per member of staff and facility (columns user_id,
 * facility_id, district_id and one per status), the same counts as grouping attendanceDays.
 * Kept days are read from their sums where they can: whole months from the month sums
 * (attendance_month_facts); without `staffWhere`, the other days from the facility-day sums
 * (attendance_facility_days), on rows whose user_id is null. A person with a day marked stale is
 * taken day by day instead, and their kept days are taken out of the facility-day sums.
 */
export async function attendanceCounts(window: AttendanceWindow, executor: DbOrTx = db()): Promise<SQL> {
  const state = await keptState(window, executor);
  const kept = keptMonths(window, state);
  const months = sqlArray(kept, "date");
  const staleArray = sqlArray(state.staleUsers, "uuid");
  // Kept days outside the summed months (fresh days are judged now, not kept).
  const outside = daysBetween(window.fromDay, window.toDay).filter((day) => !kept.includes(`${day.slice(0, 7)}-01`) && !state.fresh.includes(day));
  const outsideDays = sqlArray(outside, "date");
  const perDay = sql.raw(countColumns.map((c) => `(status = '${c}')::int as ${c}`).join(", "));
  const summedColumns = sql.raw(countColumns.map((c) => `s.${c}`).join(", "));
  const lean = sql`s.user_id, s.facility_id, f.district_id, s.status`;
  const parts: SQL[] = [
    sql`
      select s.user_id, s.facility_id, f.district_id, ${summedColumns}
        from attendance_month_facts s
        join users u on u.id = s.user_id
        join facilities f on f.id = s.facility_id
       where s.month = any (${months}) and not (s.user_id = any (${staleArray}))
         and ${window.facilityWhere} and ${window.staffWhere ?? sql`true`}`,
  ];
  if (window.staffWhere) {
    parts.push(sql`select user_id, facility_id, district_id, ${perDay} from (${keptDays(window, state, lean, sql`s.day = any (${outsideDays}) and not (s.user_id = any (${staleArray}))`)}) d`);
  } else {
    parts.push(sql`
      select null::uuid, s.facility_id, f.district_id, ${summedColumns}
        from attendance_facility_days s
        join facilities f on f.id = s.facility_id
       where s.day = any (${outsideDays}) and ${window.facilityWhere}`);
    // The sums hold every kept day, marked or not, of the people taken day by day below.
    const negated = sql.raw(countColumns.map((c) => `-(s.status = '${c}')::int`).join(", "));
    parts.push(sql`
      select null::uuid, s.facility_id, f.district_id, ${negated}
        from attendance_day_facts s
        join facilities f on f.id = s.facility_id
       where s.day = any (${outsideDays}) and s.user_id = any (${staleArray}) and ${window.facilityWhere}`);
  }
  parts.push(sql`select user_id, facility_id, district_id, ${perDay} from (${keptDays(window, state, lean, sql`s.user_id = any (${staleArray})`)}) d`);
  for (const part of judgedNow(window, state)) parts.push(sql`select user_id, facility_id, district_id, ${perDay} from (${part}) d`);
  const summed = sql.raw(countColumns.map((c) => `sum(${c})::int as ${c}`).join(", "));
  return sql`
    select user_id, facility_id, district_id, ${summed}
      from (${sql.join(parts, sql` union all `)}) counted (user_id, facility_id, district_id, ${sql.raw(countColumns.join(", "))})
     group by user_id, facility_id, district_id`;
}
