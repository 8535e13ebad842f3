import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import {
  antenatalContacts,
  antenatalEnrolmentInput,
  antenatalEnrolmentInputFor,
  antenatalStatus,
  expectedDeliveryDate,
  gestationalAge,
  trimesterOf,
  type AntenatalEnrolmentInput,
} from "./antenatal";

// Dates below were counted by hand on a calendar from an LMP of 2026-01-01:
// 7+0 = 02-19, 9+0 = 03-05, 12+0 = 03-26, 12+6 = 04-01, 13+0 = 04-02, 20+0 = 05-21,
// 21+0 = 05-28, 22+6 = 06-10, 23+0 = 06-11, 24+0 = 06-18, 25+0 = 06-25, 26+0 = 07-02,
// 27+6 = 07-15, 30+0 = 07-30, 31+6 = 08-12, 40+0 = 10-08, 40+6 = 10-14, 41+0 = 10-15.
const LMP = "2026-01-01";

describe("expectedDeliveryDate", () => {
  it.each([
    ["2026-01-01", "2026-10-08"], // Naegele's "+7 days, -3 months, +1 year" agrees here
    ["2023-06-15", "2024-03-21"], // 280 days across 29 Feb 2024: a day before the calendar rule's 03-22
    ["2025-05-20", "2026-02-24"],
  ])("LMP %s gives %s", (lmp, edd) => {
    expect(expectedDeliveryDate(lmp)).toBe(edd);
  });

  it("refuses a malformed date", () => {
    expect(() => expectedDeliveryDate("2026-02-30")).toThrow(RangeError);
    expect(() => expectedDeliveryDate("1/1/2026")).toThrow(RangeError);
  });
});

describe("gestationalAge and trimesterOf", () => {
  it("counts completed weeks and days", () => {
    expect(gestationalAge(LMP, "2026-04-01")).toEqual({ weeks: 12, days: 6 });
    expect(gestationalAge(LMP, "2026-05-28")).toEqual({ weeks: 21, days: 0 });
  });

  it.each([
    [{ weeks: 0, days: 0 }, "first"],
    [{ weeks: 13, days: 6 }, "first"],
    [{ weeks: 14, days: 0 }, "second"],
    [{ weeks: 27, days: 6 }, "second"],
    [{ weeks: 28, days: 0 }, "third"],
    [{ weeks: 41, days: 2 }, "third"],
  ] as const)("%j is the %s trimester", (age, trimester) => {
    expect(trimesterOf(age)).toBe(trimester);
  });
});

describe("antenatalContacts", () => {
  it("follows the WHO 2016 model: eight contacts at 12, 20, 26, 30, 34, 36, 38 and 40 weeks", () => {
    const contacts = antenatalContacts();
    expect(contacts.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(contacts.map((c) => c.week)).toEqual([12, 20, 26, 30, 34, 36, 38, 40]);
  });

  it("has windows that hold their own week and leave no gap between contacts", () => {
    const contacts = antenatalContacts();
    expect(contacts[0]!.fromWeek).toBe(0);
    contacts.forEach((c, i) => {
      expect(c.week).toBeGreaterThanOrEqual(c.fromWeek);
      expect(c.week).toBeLessThanOrEqual(c.toWeek);
      if (i > 0) expect(c.fromWeek).toBe(contacts[i - 1]!.toWeek + 1);
    });
  });

  it("books the bloods, Td and iron at the first contact and the second Td dose at the next", () => {
    const [first, second] = antenatalContacts();
    expect(first!.items).toEqual(
      expect.arrayContaining(["hb", "blood_group", "urine", "infection_tests", "td_first", "iron_folic", "bp"]),
    );
    expect(second!.items).toEqual(expect.arrayContaining(["td_second", "bp", "fundal_height", "fetal_heart"]));
    expect(second!.items).not.toContain("td_first");
  });

  it("checks the baby's position from 36 weeks", () => {
    expect(antenatalContacts().filter((c) => c.items.includes("presentation")).map((c) => c.week)).toEqual([36, 38, 40]);
  });
});

describe("antenatalStatus", () => {
  const bookingItems = antenatalContacts()[0]!.items;
  const contactItems = (n: number) => antenatalContacts()[n - 1]!.items;

  it("before any visit, points to the booking contact", () => {
    expect(antenatalStatus(LMP, [], "2026-02-19")).toEqual({
      gestationalAge: { weeks: 7, days: 0 },
      trimester: "first",
      edd: "2026-10-08",
      attendedContacts: [],
      nextContact: { number: 1, week: 12, targetDate: "2026-03-26", dueFrom: "2026-01-01", dueBy: "2026-04-01", items: bookingItems },
      overdue: false,
      missedContacts: [],
      postTerm: false,
    });
  });

  it("is overdue once the next contact's day has passed unseen", () => {
    expect(antenatalStatus(LMP, [], "2026-03-26").overdue).toBe(false);
    expect(antenatalStatus(LMP, [], "2026-03-27").overdue).toBe(true);

    const status = antenatalStatus(LMP, ["2026-03-05"], "2026-05-28");
    expect(status.attendedContacts).toEqual([1]);
    expect(status.nextContact).toEqual({
      number: 2,
      week: 20,
      targetDate: "2026-05-21",
      dueFrom: "2026-04-02",
      dueBy: "2026-06-10",
      items: contactItems(2),
    });
    expect(status.overdue).toBe(true);
    expect(status.missedContacts).toEqual([]);
  });

  it("marks a contact missed when its window ends, and stays overdue", () => {
    expect(antenatalStatus(LMP, ["2026-03-05"], "2026-06-10").missedContacts).toEqual([]);
    const status = antenatalStatus(LMP, ["2026-03-05"], "2026-06-11");
    expect(status.missedContacts).toEqual([2]);
    expect(status.nextContact?.number).toBe(3);
    expect(status.nextContact?.targetDate).toBe("2026-07-02");
    expect(status.nextContact?.dueBy).toBe("2026-07-15");
    expect(status.overdue).toBe(true);
  });

  it("is not overdue after a visit, even with a contact missed before it", () => {
    const status = antenatalStatus(LMP, ["2026-03-05", "2026-06-18"], "2026-06-25");
    expect(status.attendedContacts).toEqual([1, 3]);
    expect(status.missedContacts).toEqual([2]);
    expect(status.nextContact).toMatchObject({ number: 4, targetDate: "2026-07-30", dueFrom: "2026-07-16", dueBy: "2026-08-12" });
    expect(status.overdue).toBe(false);
  });

  it("gives a woman first seen late the booking items at her next contact", () => {
    const status = antenatalStatus(LMP, [], "2026-06-18");
    expect(status.gestationalAge).toEqual({ weeks: 24, days: 0 });
    expect(status.trimester).toBe("second");
    expect(status.missedContacts).toEqual([1, 2]);
    expect(status.nextContact?.number).toBe(3);
    expect(status.nextContact?.items).toEqual(expect.arrayContaining([...bookingItems, ...contactItems(3)]));
    expect(new Set(status.nextContact?.items).size).toBe(status.nextContact?.items.length);
    expect(status.overdue).toBe(true);
  });

  it("counts a visit towards the contact whose window holds it, at the window's edges", () => {
    expect(antenatalStatus(LMP, ["2026-04-01"], "2026-04-02").attendedContacts).toEqual([1]);
    expect(antenatalStatus(LMP, ["2026-04-02"], "2026-04-02").attendedContacts).toEqual([2]);
    expect(antenatalStatus(LMP, ["2026-04-02"], "2026-04-02").missedContacts).toEqual([1]);
  });

  it("counts two visits in one window once", () => {
    const status = antenatalStatus(LMP, ["2026-02-19", "2026-03-05"], "2026-03-10");
    expect(status.attendedContacts).toEqual([1]);
    expect(status.nextContact?.number).toBe(2);
  });

  it("ignores visits after the day asked about, or before the LMP", () => {
    const status = antenatalStatus(LMP, ["2025-12-20", "2026-03-05"], "2026-02-19");
    expect(status.attendedContacts).toEqual([]);
    expect(status.nextContact?.number).toBe(1);
  });

  it("runs to the last contact, then asks for referral at 41 weeks", () => {
    const all = ["2026-03-05", "2026-05-21", "2026-07-02", "2026-07-30", "2026-08-27", "2026-09-10", "2026-09-24"];
    const at40w6d = antenatalStatus(LMP, all, "2026-10-14");
    expect(at40w6d.attendedContacts).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(at40w6d.nextContact).toMatchObject({ number: 8, targetDate: "2026-10-08", dueBy: "2026-10-14" });
    expect(at40w6d.overdue).toBe(true);
    expect(at40w6d.postTerm).toBe(false);

    const at41 = antenatalStatus(LMP, [...all, "2026-10-08"], "2026-10-15");
    expect(at41.gestationalAge).toEqual({ weeks: 41, days: 0 });
    expect(at41.attendedContacts).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(at41.nextContact).toBeNull();
    expect(at41.overdue).toBe(false);
    expect(at41.postTerm).toBe(true);
  });

  it("refuses malformed dates and an LMP after the day", () => {
    expect(() => antenatalStatus(LMP, ["2026-02-30"], "2026-03-10")).toThrow(RangeError);
    expect(() => antenatalStatus("2026-03-11", [], "2026-03-10")).toThrow(RangeError);
    expect(() => antenatalStatus(LMP, [], "tomorrow")).toThrow(RangeError);
  });
});

describe("antenatalEnrolmentInputFor", () => {
  const today = "2026-03-02";
  const schema = antenatalEnrolmentInputFor(today);
  const parse = (input: AntenatalEnrolmentInput) => {
    const result = schema.safeParse(input);
    return result.success ? { values: result.data } : { errors: fieldErrorsOf(result.error) };
  };

  it("accepts today and up to 44 weeks (308 days) ago", () => {
    expect(parse({ lastMenstrualPeriod: today })).toEqual({ values: { lastMenstrualPeriod: today } });
    expect(parse({ lastMenstrualPeriod: "2025-04-28" })).toEqual({ values: { lastMenstrualPeriod: "2025-04-28" } });
  });

  it("refuses an LMP in the future or longer ago than 44 weeks", () => {
    expect(parse({ lastMenstrualPeriod: "2026-03-03" }).errors).toEqual({ lastMenstrualPeriod: "lmp_future" });
    expect(parse({ lastMenstrualPeriod: "2025-04-27" }).errors).toEqual({ lastMenstrualPeriod: "lmp_too_old" });
  });

  it.each([
    [{}, "lmp_required"],
    [{ lastMenstrualPeriod: "  " }, "lmp_required"],
    [{ lastMenstrualPeriod: "2026-02-30" }, "lmp_invalid"],
    [{ lastMenstrualPeriod: "01/02/2026" }, "lmp_invalid"],
    [{ lastMenstrualPeriod: 20260201 }, "lmp_required"],
  ])("reports %j as %s", (input, key) => {
    expect(parse(input as AntenatalEnrolmentInput).errors).toEqual({ lastMenstrualPeriod: key });
  });

  it("reads Urdu digits", () => {
    expect(parse({ lastMenstrualPeriod: "۲۰۲۶-۰۱-۱۰" }).values).toEqual({ lastMenstrualPeriod: "2026-01-10" });
  });

  it("refuses a form that is not an object", () => {
    expect(fieldErrorsOf(antenatalEnrolmentInput.safeParse(null).error!)).toEqual({ form: "form_invalid" });
    expect(parse(null as unknown as AntenatalEnrolmentInput).errors).toEqual({ form: "form_invalid" });
  });
});
