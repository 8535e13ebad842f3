import { TZDate } from "@date-fns/tz";
import { addMonths, format, startOfMonth } from "date-fns";
import { sql, type SQL } from "drizzle-orm";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import type { AgeBand, Grouping } from "./dashboard";

/**
 * The counting rules every report shares (the district dashboard, the DHIS2 export), as SQL
 * fragments, so that "a consultation", "a no-show" and "a referral" mean the same wherever a
 * figure is shown or sent. Each counts rows against a district, facility or clinician (`by`,
 * returned as `key`), over the period [from, to) as ISO instants, within a district and/or one
 * facility (`scope`).
 *
 * What a consultation seen is counted by is kept ready in consultation_report_facts (one row per
 * admitted consultation), derived by triggers from the view consultation_report_source
 * (db/migrations/0024_report_facts.sql), which holds the definition.
 */
export type CountingWindow = { by: Grouping; from: string; to: string; scope: { districtId?: string; facilityId?: string } };

/** The facts' column a consultation is counted against. */
const FACT_KEYS: Record<Grouping, SQL> = {
  district: sql.raw("r.district_id"),
  facility: sql.raw("r.facility_id"),
  clinician: sql.raw("r.clinician_id"),
};

function factsWhere({ from, to, scope }: CountingWindow): SQL {
  const parts = [sql`r.checked_in_at >= ${from}::timestamptz and r.checked_in_at < ${to}::timestamptz`];
  if (scope.districtId) parts.push(sql`r.district_id = ${scope.districtId}`);
  if (scope.facilityId) parts.push(sql`r.facility_id = ${scope.facilityId}`);
  return sql.join(parts, sql` and `);
}

/** A condition on the facility `f` a no-show or referral belongs to. */
function facilityWhere({ scope }: CountingWindow): SQL {
  const parts: SQL[] = [];
  if (scope.districtId) parts.push(sql`f.district_id = ${scope.districtId}`);
  if (scope.facilityId) parts.push(sql`f.id = ${scope.facilityId}`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * One row per consultation seen in the period: it belongs to its encounter's facility (the
 * hosting unit for a hosted call, the clinician's facility otherwise) and to the period its
 * patient checked in, and counts once admitted. Columns: key, sex, years (age on the day of
 * check-in, clinic calendar), route, wait (minutes), dropped, audio_only.
 */
export function seenConsultations(window: CountingWindow): SQL {
  return sql`
      select ${FACT_KEYS[window.by]} as key, r.sex, r.years, r.route, r.wait, r.dropped, r.audio_only
        from consultation_report_facts r
       where ${factsWhere(window)}`;
}

/** The figures counted per consultation seen, as sums over rows of `seenByWaitMinute`. */
const SEEN_COUNTS = [
  "consultations",
  "female",
  "male",
  "other_sex",
  "under_1",
  "age_1_4",
  "age_5_14",
  "age_15_49",
  "age_50_plus",
  "booked",
  "walk_in",
  "see_now",
  "other_route",
  "audio_only",
  "dropped",
] as const;
export type SeenCount = (typeof SEEN_COUNTS)[number];
export const seenCounts: readonly SeenCount[] = SEEN_COUNTS;

/**
 * The consultations seen in the period, counted per key and whole minute of wait (`wait_minutes`,
 * the completed minutes: 4 min 59 s is 4): columns key, wait_minutes and each of `seenCounts`.
 * Summed per key they are the figures; per minute they are the histogram the waits' median and
 * 90th percentile are read from. By district over whole clinic months (a province's year) the
 * rows come ready from consultation_report_district_months, the months' ragged ends from the
 * facts; everything else is counted from the facts.
 */
export function seenByWaitMinute(window: CountingWindow): SQL {
  const fromFacts = (part: CountingWindow) => sql`
      select key, floor(wait)::int as wait_minutes,
             count(*)::int as consultations,
             count(*) filter (where sex = 'female')::int as female,
             count(*) filter (where sex = 'male')::int as male,
             count(*) filter (where sex = 'other')::int as other_sex,
             count(*) filter (where ${AGE_BAND_CONDITIONS.under_1})::int as under_1,
             count(*) filter (where ${AGE_BAND_CONDITIONS["1_4"]})::int as age_1_4,
             count(*) filter (where ${AGE_BAND_CONDITIONS["5_14"]})::int as age_5_14,
             count(*) filter (where ${AGE_BAND_CONDITIONS["15_49"]})::int as age_15_49,
             count(*) filter (where ${AGE_BAND_CONDITIONS["50_plus"]})::int as age_50_plus,
             count(*) filter (where route = 'booked')::int as booked,
             count(*) filter (where route = 'walk_in')::int as walk_in,
             count(*) filter (where route = 'see_now')::int as see_now,
             count(*) filter (where route = 'other')::int as other_route,
             count(*) filter (where audio_only)::int as audio_only,
             count(*) filter (where dropped)::int as dropped
        from (${seenConsultations(part)}) s
       group by 1, 2`;
  const months = window.by === "district" && !window.scope.facilityId ? wholeMonths(window.from, window.to) : null;
  if (!months) return fromFacts(window);
  const parts: SQL[] = [
    sql`
      select m.district_id as key, m.wait_minutes, ${sql.join(
        SEEN_COUNTS.map((name) => sql.raw(`m.${name}`)),
        sql`, `,
      )}
        from consultation_report_district_months m
       where m.month >= ${months.first}::date and m.month < ${months.end}::date and m.consultations > 0
         ${window.scope.districtId ? sql`and m.district_id = ${window.scope.districtId}` : sql``}`,
  ];
  if (Date.parse(window.from) < Date.parse(months.firstAt)) parts.push(fromFacts({ ...window, to: months.firstAt }));
  if (Date.parse(months.endAt) < Date.parse(window.to)) parts.push(fromFacts({ ...window, from: months.endAt }));
  return sql.join(parts, sql` union all `);
}

/**
 * The whole clinic-calendar months inside [from, to): the first month's first day and the day
 * after the last, as dates and as instants; null when the period holds no whole month.
 */
export function wholeMonths(from: string, to: string): { first: string; end: string; firstAt: string; endAt: string } | null {
  const start = new TZDate(new Date(from).getTime(), CLINIC_TIME_ZONE);
  const monthOfStart = startOfMonth(start);
  const first = monthOfStart.getTime() === start.getTime() ? monthOfStart : addMonths(monthOfStart, 1);
  const end = startOfMonth(new TZDate(new Date(to).getTime(), CLINIC_TIME_ZONE));
  if (!(first < end)) return null;
  return { first: format(first, "yyyy-MM-dd"), end: format(end, "yyyy-MM-dd"), firstAt: new Date(first.getTime()).toISOString(), endAt: new Date(end.getTime()).toISOString() };
}

/** The column a no-show or referral is counted against, by what the rows are. */
function keyOf(by: Grouping, clinician: string): SQL {
  if (by === "district") return sql.raw("f.district_id");
  if (by === "facility") return sql.raw("f.id");
  return sql.raw(clinician);
}

/** Appointments marked no-show that were due in the period, counted at the clinician's facility. Column: key. */
export function noShowAppointments(window: CountingWindow): SQL {
  return sql`
        select ${keyOf(window.by, "a.clinician_id")} as key
          from appointments a
          join clinician_profiles cp on cp.user_id = a.clinician_id
          join facilities f on f.id = cp.facility_id
         where a.status = 'no_show' and a.starts_at >= ${window.from}::timestamptz and a.starts_at < ${window.to}::timestamptz
           and ${facilityWhere(window)}`;
}

/**
 * Referrals written in the period, counted at the facility of the encounter they came from
 * (kept ready in referral_report_facts, derived from the view referral_report_source). Column: key.
 */
export function referralsMade(window: CountingWindow): SQL {
  const key = window.by === "district" ? sql.raw("x.district_id") : window.by === "facility" ? sql.raw("x.facility_id") : sql.raw("x.referred_by");
  const parts = [sql`x.referred_at >= ${window.from}::timestamptz and x.referred_at < ${window.to}::timestamptz`];
  if (window.scope.districtId) parts.push(sql`x.district_id = ${window.scope.districtId}`);
  if (window.scope.facilityId) parts.push(sql`x.facility_id = ${window.scope.facilityId}`);
  return sql`
        select ${key} as key
          from referral_report_facts x
         where ${sql.join(parts, sql` and `)}`;
}

/**
 * The age bands as conditions on `years` (whole years on the day of check-in), DHIS2's usual
 * outpatient bands, defined once in the database (consultation_report_age_band) because
 * consultation_report_district_months is summed by them.
 */
export const AGE_BAND_CONDITIONS: Record<AgeBand, SQL> = {
  under_1: sql.raw("consultation_report_age_band(years) = 'under_1'"),
  "1_4": sql.raw("consultation_report_age_band(years) = '1_4'"),
  "5_14": sql.raw("consultation_report_age_band(years) = '5_14'"),
  "15_49": sql.raw("consultation_report_age_band(years) = '15_49'"),
  "50_plus": sql.raw("consultation_report_age_band(years) = '50_plus'"),
};
