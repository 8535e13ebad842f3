import { describe, expect, it } from "vitest";
import { findLikelyDuplicate, nameKey } from "./household";

describe("nameKey", () => {
  it.each([
    ["Ali Raza", "ali raza"],
    ["  Ali   Raza ", "ali raza"],
    ["ALI RAZA", "ali raza"],
    ["Abdul-Rehman", "abdul rehman"],
    ["M. Ali", "m ali"],
  ])("treats %j like %j", (typed, expected) => {
    expect(nameKey(typed)).toBe(nameKey(expected));
  });

  it("ignores Arabic versus Urdu keyboard letters and vowel marks", () => {
    // Arabic yeh and kaf (U+064A, U+0643) against Urdu yeh and keheh (U+06CC, U+06A9).
    expect(nameKey("\u0639\u0644\u064a")).toBe(nameKey("\u0639\u0644\u06cc"));
    expect(nameKey("\u0643\u0644\u062b\u0648\u0645")).toBe(nameKey("\u06a9\u0644\u062b\u0648\u0645"));
    // "Muhammad" with and without a shadda and a zabar.
    expect(nameKey("\u0645\u064f\u062d\u064e\u0645\u0651\u062f")).toBe(nameKey("\u0645\u062d\u0645\u062f"));
  });

  it("keeps different names different", () => {
    expect(nameKey("Ali Raza")).not.toBe(nameKey("Ali Reza"));
    expect(nameKey("Hassan")).not.toBe(nameKey("Hussain"));
  });
});

describe("findLikelyDuplicate", () => {
  const household = [
    { id: "self", fullName: "Nasreen Akhtar", dateOfBirth: "1988-11-02" },
    { id: "son", fullName: "Ahmed Ali", dateOfBirth: "2016-03-09" },
  ];

  it("finds a member with the same name and date of birth", () => {
    expect(findLikelyDuplicate(household, { fullName: "ahmed  ali", dateOfBirth: "2016-03-09" })?.id).toBe("son");
  });

  it("lets twins with different names through", () => {
    expect(findLikelyDuplicate(household, { fullName: "Hamza Ali", dateOfBirth: "2016-03-09" })).toBeUndefined();
  });

  it("lets the same name with another date of birth through", () => {
    expect(findLikelyDuplicate(household, { fullName: "Ahmed Ali", dateOfBirth: "1960-01-01" })).toBeUndefined();
  });
});
