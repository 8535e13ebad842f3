import { sql, type SQL } from "drizzle-orm";
import type { AgeBand } from "./dashboard";

/**
 * The counting rules every report shares (the district dashboard, the DHIS2 export), as SQL
 * fragments, so that "a consultation", "a no-show" and "a referral" mean the same wherever a
 * figure is shown or sent. Each takes the column a row is counted against (`key`), the period
 * [from, to) as ISO instants, and a condition on the facility `f` the row belongs to.
 */
export type CountingWindow = { key: SQL; from: string; to: string; facilityWhere: SQL };

/**
 * One row per consultation seen in the period: it belongs to its encounter's facility (the
 * hosting unit for a hosted call, the clinician's facility otherwise) and to the period its
 * patient checked in, and counts once admitted. Columns: key, sex, years (age on the day of
 * check-in, clinic calendar), route, wait (minutes), dropped, audio_only.
 */
export function seenConsultations({ key, from, to, facilityWhere }: CountingWindow): SQL {
  return sql`
      select ${key} as key, p.sex,
             extract(year from age((c.checked_in_at at time zone 'Asia/Karachi')::date, p.date_of_birth))::int as years,
             case when c.appointment_id is not null then 'booked'
                  when exists (select 1 from on_call_requests o where o.consultation_id = c.id) then 'see_now'
                  when c.hosted_by is not null then 'walk_in'
                  else 'other' end as route,
             greatest(0, extract(epoch from c.admitted_at - greatest(c.checked_in_at, coalesce(c.scheduled_at, c.checked_in_at))) / 60) as wait,
             c.call_dropped_at is not null as dropped,
             exists (select 1 from call_mode_changes m where m.consultation_id = c.id and m.mode = 'audio_only' and m.reason = 'poor_connection') as audio_only
        from consultations c
        join encounters e on e.id = c.encounter_id
        join facilities f on f.id = e.facility_id
        join patients p on p.id = c.patient_id
       where c.checked_in_at >= ${from}::timestamptz and c.checked_in_at < ${to}::timestamptz
         and c.admitted_at is not null and ${facilityWhere}`;
}

/** Appointments marked no-show that were due in the period, counted at the clinician's facility. Column: key. */
export function noShowAppointments({ key, from, to, facilityWhere }: CountingWindow): SQL {
  return sql`
        select ${key} as key
          from appointments a
          join clinician_profiles cp on cp.user_id = a.clinician_id
          join facilities f on f.id = cp.facility_id
         where a.status = 'no_show' and a.starts_at >= ${from}::timestamptz and a.starts_at < ${to}::timestamptz
           and ${facilityWhere}`;
}

/** Referrals written in the period, counted at the facility of the encounter they came from. Column: key. */
export function referralsMade({ key, from, to, facilityWhere }: CountingWindow): SQL {
  return sql`
        select ${key} as key
          from referrals r
          join encounters e on e.id = r.encounter_id
          join facilities f on f.id = e.facility_id
         where r.referred_at >= ${from}::timestamptz and r.referred_at < ${to}::timestamptz
           and ${facilityWhere}`;
}

/**
 * The age bands as conditions on `years` (whole years on the day of check-in), DHIS2's usual
 * outpatient bands.
 */
export const AGE_BAND_CONDITIONS: Record<AgeBand, SQL> = {
  under_1: sql.raw("years < 1"),
  "1_4": sql.raw("years between 1 and 4"),
  "5_14": sql.raw("years between 5 and 14"),
  "15_49": sql.raw("years between 15 and 49"),
  "50_plus": sql.raw("years >= 50"),
};
