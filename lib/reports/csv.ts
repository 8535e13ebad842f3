import { stringify } from "csv-stringify/sync";
import { AGE_BANDS, type DashboardRow } from "./dashboard";
import type { OperationsRow } from "./operations";

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

/** The dashboard's operations table (./operations.ts) as CSV; facility columns empty on clinician rows. */
export function operationsCsv(rows: OperationsRow[], groupBy: string, totalLabel: string): string {
  const header = [
    groupBy,
    "attendance_rate",
    "days_attended",
    "days_counted",
    "stock_out_items",
    "stock_out_days",
    "complaints_filed",
    "complaints_open",
    "complaints_overdue",
    "emergency_referrals",
    "emergency_referrals_open",
    "emergency_minutes_to_transport_median",
    "emergency_minutes_to_leaving_median",
  ];
  const blank = (value: number | null | undefined) => value ?? "";
  const lines = rows.map((r) => [
    r.key === null ? totalLabel : (r.name ?? r.key),
    r.attendance.rate === null ? "" : Math.round(r.attendance.rate * 1000) / 1000,
    r.attendance.attended,
    r.attendance.counted,
    blank(r.stock?.outs),
    blank(r.stock?.outDays),
    blank(r.complaints?.filed),
    blank(r.complaints?.open),
    blank(r.complaints?.overdue),
    blank(r.emergencies?.raised),
    blank(r.emergencies?.open),
    blank(r.emergencies?.calledMedian),
    blank(r.emergencies?.leftMedian),
  ]);
  return "\uFEFF" + stringify([header, ...lines]);
}
