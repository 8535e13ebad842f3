import { stringify } from "csv-stringify/sync";
import { AGE_BANDS, type DashboardRow } from "./dashboard";

/**
 * The dashboard as CSV, one line per row and the total last, with a byte-order mark so that a
 * spreadsheet opens the Urdu and English names as UTF-8. Column names are English: a CSV's
 * headers are read by formulas and imports as much as by people.
 */
export function dashboardCsv(rows: DashboardRow[], groupBy: string, totalLabel: string): string {
  const header = [
    groupBy,
    "consultations",
    "female",
    "male",
    "other_sex",
    ...AGE_BANDS.map((band) => `age_${band}`),
    "booked",
    "walk_in",
    "see_a_doctor_now",
    "other_route",
    "wait_median_minutes",
    "wait_p90_minutes",
    "no_shows",
    "audio_only_fallbacks",
    "dropped_calls",
    "referrals",
  ];
  const lines = rows.map((r) => [
    r.key === null ? totalLabel : (r.name ?? r.key),
    r.consultations,
    r.female,
    r.male,
    r.otherSex,
    ...AGE_BANDS.map((band) => r.ageBands[band]),
    r.booked,
    r.walkIn,
    r.seeNow,
    r.otherRoute,
    r.waitMedian ?? "",
    r.waitP90 ?? "",
    r.noShows,
    r.audioOnly,
    r.dropped,
    r.referrals,
  ]);
  return "\uFEFF" + stringify([header, ...lines]);
}
