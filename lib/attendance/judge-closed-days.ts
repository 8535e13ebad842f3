import { format, parseISO, subDays } from "date-fns";
import { sql } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { clinicToday } from "@/lib/booking/slots";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { judgeAttendanceDays, sqlArray } from "./days";

/**
 * How many days not judged yet one pass judges at most, newest first. The triggers that mark days
 * stale (migration 0028) count on it: they mark down to this many days before the oldest judged.
 */
export const DAYS_PER_PASS = 31;
/** How many stale days of people one pass judges again at most. */
const STALE_PER_PASS = 20_000;
/**
 * A day is judged once it closed over an hour ago, so that a transaction that wrote evidence for
 * it before midnight, when the day was not closed and the triggers did not mark it, has committed.
 */
const SETTLE_MS = 60 * 60 * 1000;

const zone = sql.raw(`'${CLINIC_TIME_ZONE}'`);

const keptColumns = sql`user_id, facility_id, day, starts_minute, ends_minute, leave_kind, rostered, first_seen, checks, conducted, hosted, online_minutes, status`;

/** The day before a clinic date (YYYY-MM-DD). */
const dayBefore = (day: string) => format(subDays(parseISO(day), 1), "yyyy-MM-dd");

/** Days not judged yet, from the earliest anyone could be counted on to `lastDay`, judged for everyone. */
async function judgeNewDays(tx: Transaction, lastDay: string, now: Date): Promise<string[]> {
  const [row] = await tx.execute<{ first: string | null; days: string[] | null }>(sql`
    with first as (
      select least((select min(starts_on) from staff_postings), (select min(effective_from) from staff_rosters),
                   (select min((created_at at time zone ${zone})::date) from users where role <> 'patient')) as day
    )
    select first.day::text as first,
           array(select d::date::text from generate_series(first.day, ${lastDay}::date, interval '1 day') d
                  where not exists (select 1 from attendance_judged_days j where j.day = d::date)
                  order by 1 desc limit ${DAYS_PER_PASS}) as days
      from first`);
  // Marks on days before anyone could be counted answer nothing (such a day, once it can be, is judged whole).
  if (row?.first) await tx.execute(sql`delete from attendance_stale_days where day < ${row.first}::date`);
  const days = row?.days ?? [];
  if (days.length === 0) return days;
  const list = sqlArray(days, "date");
  await tx.execute(sql`delete from attendance_day_facts where day = any (${list})`);
  await tx.execute(sql`
    insert into attendance_day_facts (${keptColumns})
    select ${keptColumns} from (${judgeAttendanceDays({
      fromDay: days[days.length - 1]!,
      toDay: days[0]!,
      facilityWhere: sql`true`,
      dayWhere: sql`d.day = any (${list})`,
      now,
    })}) j`);
  await tx.execute(sql`insert into attendance_judged_days (day, judged_at) select unnest(${list}), ${now.toISOString()}::timestamptz`);
  // Marks made before this snapshot are answered by this judgement; later ones stay for the next pass.
  await tx.execute(sql`delete from attendance_stale_days where day = any (${list})`);
  return days;
}

/** People's judged days marked stale, judged again from what is recorded now. */
async function judgeStaleDays(tx: Transaction, now: Date): Promise<number> {
  const picked = await tx.execute<{ user_id: string; day: string }>(sql`
    select m.user_id, m.day::text as day from attendance_stale_days m
     where exists (select 1 from attendance_judged_days j where j.day = m.day)
     order by m.day limit ${STALE_PER_PASS}`);
  if (picked.length === 0) return 0;
  const users = sqlArray(picked.map((p) => p.user_id), "uuid");
  const days = sqlArray(picked.map((p) => p.day), "date");
  const pairs = sql`(select * from unnest(${users}, ${days}) as pair(user_id, day))`;
  await tx.execute(sql`delete from attendance_day_facts a using ${pairs} p where a.user_id = p.user_id and a.day = p.day`);
  await tx.execute(sql`
    insert into attendance_day_facts (${keptColumns})
    select ${keptColumns} from (${judgeAttendanceDays({
      fromDay: picked[0]!.day,
      toDay: picked[picked.length - 1]!.day,
      facilityWhere: sql`true`,
      staffWhere: sql`s.user_id = any (${users})`,
      dayWhere: sql`(p.user_id, d.day) in ${pairs}`,
      now,
    })}) j`);
  await tx.execute(sql`delete from attendance_stale_days m using ${pairs} p where m.user_id = p.user_id and m.day = p.day`);
  return picked.length;
}

/**
 * The attendance job: keeps the judgement of each closed clinic day (attendance_day_facts), so
 * that reports read a day rather than judge it again. Each pass, in one repeatable-read
 * transaction (one snapshot, so a mark made while it runs is never removed unanswered), judges up
 * to DAYS_PER_PASS days not judged yet and the days marked stale; passes repeat until there is
 * nothing left or `budgetMs` is spent. Two runs at once: the later fails on the first's rows and
 * is retried.
 */
export async function judgeClosedDays(now = new Date(), budgetMs = 60_000): Promise<{ days: string[]; rejudged: number }> {
  const lastDay = dayBefore(clinicToday(new Date(now.getTime() - SETTLE_MS)));
  const startedAt = performance.now();
  const judged: string[] = [];
  let rejudged = 0;
  for (;;) {
    const pass = await db().transaction(
      async (tx) => {
        const days = await judgeNewDays(tx, lastDay, now);
        return { days, stale: await judgeStaleDays(tx, now) };
      },
      { isolationLevel: "repeatable read" },
    );
    judged.push(...pass.days);
    rejudged += pass.stale;
    if ((pass.days.length < DAYS_PER_PASS && pass.stale < STALE_PER_PASS) || performance.now() - startedAt > budgetMs) break;
  }
  return { days: judged.sort(), rejudged };
}
