import { tz } from "@date-fns/tz";
import { differenceInCalendarDays } from "date-fns";
import { CLINIC_TIME_ZONE } from "./slots";

/**
 * Pure rules behind "find care": which clinicians match a patient's filters and in what order
 * they are offered. No I/O, so the choices patients see can be tested without a database.
 */

/** Languages a clinician can consult in (ISO 639 codes, `hnd` = Hindko). */
export const CONSULT_LANGUAGES = ["ur", "en", "pa", "ps", "sd", "bal", "skr", "hnd"] as const;
export type ConsultLanguage = (typeof CONSULT_LANGUAGES)[number];

/** A clinician without a profile is offered as a general practitioner. */
export const DEFAULT_SPECIALTY = "general";

export type FindCareFilters = {
  specialty?: string;
  femaleOnly?: boolean;
  language?: ConsultLanguage;
};

/** What the filters look at; `sex` is null when the clinician has no profile yet. */
export type FilterableClinician = {
  specialtyCode: string;
  sex: "female" | "male" | "other" | null;
  languages: readonly string[];
};

/** Whether a value is one of the languages a profile may list. */
export function isConsultLanguage(value: unknown): value is ConsultLanguage {
  return typeof value === "string" && (CONSULT_LANGUAGES as readonly string[]).includes(value);
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Filters from a URL's query (the find-care page is a GET form, so a reload or a shared link
 * shows the same list). Anything unreadable is dropped rather than refused: a stale link should
 * still show doctors, just unfiltered.
 */
export function readFindCareFilters(params: SearchParams): FindCareFilters {
  const one = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const filters: FindCareFilters = {};
  const specialty = one("specialty");
  if (specialty && /^[a-z_]{1,40}$/.test(specialty)) filters.specialty = specialty;
  if (one("female") === "1") filters.femaleOnly = true;
  const language = one("language");
  if (isConsultLanguage(language)) filters.language = language;
  return filters;
}

/**
 * Whether a clinician matches every filter given. "Female doctor" needs a recorded sex: a
 * woman who asked for a female doctor must not be shown someone whose sex we do not know.
 */
export function matchesFindCareFilters(clinician: FilterableClinician, filters: FindCareFilters): boolean {
  if (filters.specialty && clinician.specialtyCode !== filters.specialty) return false;
  if (filters.femaleOnly && clinician.sex !== "female") return false;
  if (filters.language && !clinician.languages.includes(filters.language)) return false;
  return true;
}

type Rankable = { name: string; earliest: { startsAt: Date } | null };

/**
 * Earliest available first; clinicians with no free time in the horizon last. Ties go by name
 * so the list does not reshuffle between reloads.
 */
export function compareByEarliest(a: Rankable, b: Rankable): number {
  const at = a.earliest?.startsAt.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.earliest?.startsAt.getTime() ?? Number.POSITIVE_INFINITY;
  if (at !== bt) return at < bt ? -1 : 1;
  return a.name.localeCompare(b.name, "en");
}

/**
 * How many calendar days after `now` a slot starts, counted in clinic time (0 = today,
 * 1 = tomorrow), so "Today" means the same day to the patient in Pakistan at 23:50 as at noon.
 */
export function clinicDaysAhead(startsAt: Date, now: Date, timeZone = CLINIC_TIME_ZONE): number {
  return differenceInCalendarDays(startsAt, now, { in: tz(timeZone) });
}
