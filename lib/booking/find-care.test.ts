import { describe, expect, it } from "vitest";
import { clinicDaysAhead, compareByEarliest, matchesFindCareFilters, readFindCareFilters, type FilterableClinician } from "./find-care";

const ayesha: FilterableClinician = { specialtyCode: "general", sex: "female", languages: ["ur", "en", "pa"] };
const imran: FilterableClinician = { specialtyCode: "paediatrics", sex: "male", languages: ["ur", "ps"] };
const noProfile: FilterableClinician = { specialtyCode: "general", sex: null, languages: [] };

describe("readFindCareFilters", () => {
  it("reads specialty, female-only and language from the query", () => {
    expect(readFindCareFilters({ specialty: "gynaecology", female: "1", language: "sd" })).toEqual({
      specialty: "gynaecology",
      femaleOnly: true,
      language: "sd",
    });
  });

  it("treats empty selects as no filter", () => {
    expect(readFindCareFilters({ specialty: "", language: "", female: undefined })).toEqual({});
  });

  it("drops values it cannot read instead of failing", () => {
    expect(readFindCareFilters({ specialty: "x'; drop", female: "yes", language: "fr" })).toEqual({});
  });

  it("takes the first of repeated parameters", () => {
    expect(readFindCareFilters({ language: ["pa", "ur"] })).toEqual({ language: "pa" });
  });
});

describe("matchesFindCareFilters", () => {
  it("lets everyone through without filters", () => {
    for (const c of [ayesha, imran, noProfile]) expect(matchesFindCareFilters(c, {})).toBe(true);
  });

  it("female-only excludes men and clinicians whose sex is unknown", () => {
    expect(matchesFindCareFilters(ayesha, { femaleOnly: true })).toBe(true);
    expect(matchesFindCareFilters(imran, { femaleOnly: true })).toBe(false);
    expect(matchesFindCareFilters(noProfile, { femaleOnly: true })).toBe(false);
  });

  it("matches the specialty and a spoken language, all filters together", () => {
    expect(matchesFindCareFilters(imran, { specialty: "paediatrics" })).toBe(true);
    expect(matchesFindCareFilters(ayesha, { specialty: "paediatrics" })).toBe(false);
    expect(matchesFindCareFilters(noProfile, { specialty: "general" })).toBe(true);
    expect(matchesFindCareFilters(imran, { language: "ps" })).toBe(true);
    expect(matchesFindCareFilters(ayesha, { language: "ps" })).toBe(false);
    expect(matchesFindCareFilters(ayesha, { specialty: "general", femaleOnly: true, language: "pa" })).toBe(true);
    expect(matchesFindCareFilters(ayesha, { specialty: "general", femaleOnly: true, language: "sd" })).toBe(false);
  });
});

describe("compareByEarliest", () => {
  const at = (iso: string) => ({ startsAt: new Date(iso) });

  it("puts the soonest first, nobody-free last, and breaks ties by name", () => {
    const list = [
      { name: "Dr. Zara", earliest: null },
      { name: "Dr. Bilal", earliest: at("2025-06-02T09:00:00Z") },
      { name: "Dr. Asma", earliest: null },
      { name: "Dr. Omar", earliest: at("2025-06-01T10:00:00Z") },
      { name: "Dr. Adeel", earliest: at("2025-06-02T09:00:00Z") },
    ];
    expect(list.sort(compareByEarliest).map((c) => c.name)).toEqual(["Dr. Omar", "Dr. Adeel", "Dr. Bilal", "Dr. Asma", "Dr. Zara"]);
  });
});

describe("clinicDaysAhead", () => {
  it("counts calendar days in Pakistan time, not UTC", () => {
    // 23:30 in Karachi on 1 June is still 1 June there, though 18:30 UTC.
    const now = new Date("2025-06-01T18:30:00Z");
    expect(clinicDaysAhead(new Date("2025-06-01T18:45:00Z"), now)).toBe(0);
    // 00:15 on 2 June in Karachi is tomorrow, though the same UTC date.
    expect(clinicDaysAhead(new Date("2025-06-01T19:15:00Z"), now)).toBe(1);
    expect(clinicDaysAhead(new Date("2025-06-03T04:00:00Z"), now)).toBe(2);
  });
});
