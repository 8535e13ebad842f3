import { z } from "zod";
import { toAsciiDigits } from "@/lib/identifiers/identifiers";
import { LMP_MAX_WEEKS, gestationalAge } from "@/lib/vitals/ranges";
import { daysBetween, parseDay, requireDay, shiftDay } from "./calendar";

export { gestationalAge };

/** Naegele's rule: the pregnancy lasts 280 days (40 weeks) from the first day of the LMP. */
const PREGNANCY_DAYS = 280;
/**
 * From 41 weeks WHO recommends inducing labour (WHO recommendations: induction of labour at or
 * beyond term, 2018), so a pregnancy this far along is referred, not given another contact.
 */
const POST_TERM_DAYS = 41 * 7;

export type GestationalAge = { weeks: number; days: number };
export type Trimester = "first" | "second" | "third";

/**
 * What is done at an antenatal contact: keys of `programmes.antenatal.items`. A project-written
 * short list after the WHO 2016 ANC recommendations and Pakistan's practice (HBsAg and HCV are
 * screened at booking because both are common here).
 */
export const antenatalItems = [
  "history_exam",
  "bp",
  "weight",
  "weight_height",
  "hb",
  "blood_group",
  "urine",
  "urine_protein",
  "blood_sugar",
  "glucose_tolerance",
  "infection_tests",
  "td_first",
  "td_second",
  "iron_folic",
  "calcium",
  "ultrasound",
  "fundal_height",
  "fetal_heart",
  "fetal_movements",
  "presentation",
  "nutrition",
  "danger_signs",
  "birth_plan",
  "breastfeeding_family_planning",
  "labour_signs",
  "post_dates_plan",
] as const;
export type AntenatalItem = (typeof antenatalItems)[number];

export type AntenatalContact = {
  /** 1 to 8. */
  number: number;
  /** The week of pregnancy the WHO model schedules it at. */
  week: number;
  /** The completed weeks of gestation in which a visit counts as this contact (inclusive). */
  fromWeek: number;
  toWeek: number;
  items: readonly AntenatalItem[];
};

/**
 * The WHO 2016 antenatal care model (WHO recommendations on antenatal care for a positive
 * pregnancy experience): eight contacts, at up to 12, 20, 26, 30, 34, 36, 38 and 40 weeks.
 * The windows tile the pregnancy from the LMP to 40+6 weeks without gaps, each ending halfway
 * to the next contact's week (the first ends at 12+6, "up to 12 weeks"), so every visit counts
 * towards exactly one contact and a woman seen a little early or late is not marked missed.
 */
const CONTACTS: readonly AntenatalContact[] = [
  {
    number: 1,
    week: 12,
    fromWeek: 0,
    toWeek: 12,
    items: [
      "history_exam",
      "bp",
      "weight_height",
      "hb",
      "blood_group",
      "urine",
      "blood_sugar",
      "infection_tests",
      "td_first",
      "iron_folic",
      "ultrasound",
      "nutrition",
      "danger_signs",
    ],
  },
  {
    number: 2,
    week: 20,
    fromWeek: 13,
    toWeek: 22,
    items: ["bp", "weight", "fundal_height", "fetal_heart", "td_second", "ultrasound", "iron_folic", "calcium", "danger_signs"],
  },
  {
    number: 3,
    week: 26,
    fromWeek: 23,
    toWeek: 27,
    items: ["bp", "weight", "fundal_height", "fetal_heart", "glucose_tolerance", "urine_protein", "iron_folic", "calcium"],
  },
  {
    number: 4,
    week: 30,
    fromWeek: 28,
    toWeek: 31,
    items: ["bp", "weight", "fundal_height", "fetal_heart", "hb", "fetal_movements", "iron_folic", "calcium"],
  },
  {
    number: 5,
    week: 34,
    fromWeek: 32,
    toWeek: 34,
    items: ["bp", "weight", "fundal_height", "fetal_heart", "urine_protein", "birth_plan", "iron_folic", "calcium"],
  },
  {
    number: 6,
    week: 36,
    fromWeek: 35,
    toWeek: 36,
    items: ["bp", "weight", "fundal_height", "fetal_heart", "presentation", "hb", "birth_plan", "breastfeeding_family_planning"],
  },
  { number: 7, week: 38, fromWeek: 37, toWeek: 38, items: ["bp", "fundal_height", "fetal_heart", "presentation", "labour_signs"] },
  { number: 8, week: 40, fromWeek: 39, toWeek: 40, items: ["bp", "fundal_height", "fetal_heart", "presentation", "post_dates_plan"] },
];

/** The eight contacts of the WHO 2016 ANC model, in order, each with what is due at it. */
export function antenatalContacts(): readonly AntenatalContact[] {
  return CONTACTS;
}

/** The expected date of delivery (`YYYY-MM-DD`) by Naegele's rule: LMP + 280 days. */
export function expectedDeliveryDate(lmp: string): string {
  requireDay(lmp, "lmp");
  return shiftDay(lmp, PREGNANCY_DAYS);
}

/** First trimester to 13+6 weeks, second to 27+6, third from 28+0 (the usual obstetric split). */
export function trimesterOf(age: GestationalAge): Trimester {
  if (age.weeks < 14) return "first";
  if (age.weeks < 28) return "second";
  return "third";
}

function contactAt(gestationDays: number): AntenatalContact | undefined {
  return CONTACTS.find((c) => gestationDays >= c.fromWeek * 7 && gestationDays <= c.toWeek * 7 + 6);
}

export type NextContact = {
  number: number;
  week: number;
  /** The day the contact is scheduled for: LMP + its week. */
  targetDate: string;
  /** The first and last day on which a visit counts as this contact. */
  dueFrom: string;
  dueBy: string;
  /** What to do at it; a woman never seen yet also gets the booking (first contact) items. */
  items: readonly AntenatalItem[];
};

export type AntenatalStatus = {
  gestationalAge: GestationalAge;
  trimester: Trimester;
  edd: string;
  /** The contact numbers a visit has counted towards, ascending. */
  attendedContacts: number[];
  /** The next contact still open, or null once the last window has passed. */
  nextContact: NextContact | null;
  /** A contact's scheduled day has passed since her last visit without her being seen: call her in. */
  overdue: boolean;
  /** Contacts whose window ended with no visit in it. */
  missedContacts: number[];
  /** 41 weeks or more: refer for delivery (induction), not another routine contact. */
  postTerm: boolean;
};

/**
 * Where a pregnancy stands on `onDay`: gestational age, EDD, which of the eight WHO contacts
 * were attended (`contactsAttended`, the days of her antenatal visits), which were missed, the
 * next one with its window and what is due, and whether she is overdue. Visits before the LMP
 * or after `onDay` do not count (the status is "as of" that day).
 */
export function antenatalStatus(lmp: string, contactsAttended: readonly string[], onDay: string): AntenatalStatus {
  const age = gestationalAge(lmp, onDay);
  const today = daysBetween(lmp, onDay);
  const visits = contactsAttended
    .map((day) => {
      requireDay(day, "contactsAttended");
      return daysBetween(lmp, day);
    })
    .filter((gestationDays) => gestationDays >= 0 && gestationDays <= today);
  const attended = new Set(visits.map((g) => contactAt(g)?.number).filter((n): n is number => n !== undefined));
  const lastVisit = visits.length > 0 ? Math.max(...visits) : -1;

  const missedContacts = CONTACTS.filter((c) => c.toWeek * 7 + 6 < today && !attended.has(c.number)).map((c) => c.number);
  const overdue = CONTACTS.some((c) => !attended.has(c.number) && c.week * 7 < today && c.week * 7 > lastVisit);
  const next = CONTACTS.find((c) => c.toWeek * 7 + 6 >= today && !attended.has(c.number));
  const booking = CONTACTS[0]!;

  return {
    gestationalAge: age,
    trimester: trimesterOf(age),
    edd: expectedDeliveryDate(lmp),
    attendedContacts: [...attended].sort((a, b) => a - b),
    nextContact: next
      ? {
          number: next.number,
          week: next.week,
          targetDate: shiftDay(lmp, next.week * 7),
          dueFrom: shiftDay(lmp, next.fromWeek * 7),
          dueBy: shiftDay(lmp, next.toWeek * 7 + 6),
          items: visits.length === 0 && next !== booking ? [...new Set([...booking.items, ...next.items])] : next.items,
        }
      : null,
    overdue,
    missedContacts,
    postTerm: today >= POST_TERM_DAYS,
  };
}

/** The enrolment form: the LMP typed as `YYYY-MM-DD` (Urdu digits allowed). Errors are keys of `programmes.errors`. */
export const antenatalEnrolmentInput = z.object(
  {
    lastMenstrualPeriod: z
      .string({ error: "lmp_required" })
      .transform((raw) => toAsciiDigits(raw).trim())
      .refine((text) => text !== "", { message: "lmp_required", abort: true })
      .refine((text) => parseDay(text) !== null, { message: "lmp_invalid", abort: true }),
  },
  { error: "form_invalid" },
);
export type AntenatalEnrolmentInput = z.input<typeof antenatalEnrolmentInput>;

/**
 * The enrolment form on a clinic day (`today`, YYYY-MM-DD): the LMP may not be in the future
 * (`lmp_future`) nor more than 44 weeks ago (`lmp_too_old`), the same window the vitals form allows.
 */
export function antenatalEnrolmentInputFor(today: string) {
  requireDay(today, "today");
  return antenatalEnrolmentInput.superRefine((v, ctx) => {
    const daysAgo = daysBetween(v.lastMenstrualPeriod, today);
    if (daysAgo < 0) ctx.addIssue({ code: "custom", message: "lmp_future", path: ["lastMenstrualPeriod"] });
    else if (daysAgo > LMP_MAX_WEEKS * 7) ctx.addIssue({ code: "custom", message: "lmp_too_old", path: ["lastMenstrualPeriod"] });
  });
}
