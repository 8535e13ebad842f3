import { sql, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db";
import type { Dhis2Period } from "@/lib/dhis2/periods";
import { AGE_BAND_CONDITIONS, noShowAppointments, referralsMade, seenConsultations, type CountingWindow } from "@/lib/reports/counting";
import { AGE_BANDS } from "@/lib/reports/dashboard";
import { FIGURE_KEYS, type FigureKey } from "./mapping";

/** Every figure of one facility for one period, by key. */
export type FacilityFigures = Record<FigureKey, number>;

// Keys come from FIGURE_KEYS, never from input, so they can be written into the SQL as column names.
const column = (key: FigureKey) => sql.raw(`"${key}"`);

/**
 * Computes every exported figure for one facility over one DHIS2 period, in one statement with
 * the dashboard's counting rules (lib/reports/counting.ts): a consultation counts for its
 * visit's facility in the period its patient checked in, once seen; no-shows at the clinician's
 * facility by the booked time; referrals by when they were written; emergency referrals at the
 * facility that triaged them. Only the counts leave PostgreSQL. The caller has already checked
 * that the facility is in the actor's scope.
 */
export async function facilityFigures(reader: Pick<Transaction, "execute">, facilityId: string, period: Dhis2Period): Promise<FacilityFigures> {
  const from = period.start.toISOString();
  const to = period.end.toISOString();
  const window: CountingWindow = { by: "facility", from, to, scope: { facilityId } };
  const byPerson: SQL[] = (["female", "male"] as const).flatMap((sex) =>
    AGE_BANDS.map((band) => sql`count(*) filter (where sex = ${sex} and ${AGE_BAND_CONDITIONS[band]})::int as ${column(`consultations.${sex}.${band}`)}`),
  );
  const [row] = await reader.execute<Record<string, unknown>>(sql`
    with seen as (${seenConsultations(window)})
    select ${sql.join(byPerson, sql`, `)},
           count(*) filter (where audio_only)::int as ${column("audio_only_fallbacks")},
           count(*) filter (where dropped)::int as ${column("dropped_calls")},
           (select count(*) from (${noShowAppointments(window)}) x)::int as ${column("no_shows")},
           (select count(*) from (${referralsMade(window)}) x)::int as ${column("referrals")},
           (select count(*) from emergency_referrals er
             where er.facility_id = ${facilityId} and er.raised_at >= ${from}::timestamptz and er.raised_at < ${to}::timestamptz)::int
             as ${column("emergency_referrals")}
      from seen`);
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, Number(row?.[key] ?? 0)])) as FacilityFigures;
}
