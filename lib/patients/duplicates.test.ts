import { describe, expect, it } from "vitest";
import { comparableName, isLikelyDuplicate, type PersonKey } from "./duplicates";

describe("comparableName", () => {
  it.each([
    ["Ali Raza", "ali raza"],
    ["  ALI   RAZA  ", "ali raza"],
    ["Ali\tRaza", "ali raza"],
    ["Abdul-Rehman", "abdul rehman"],
    ["M. Ali", "m ali"],
    ["M.Ali", "m ali"],
    ["Ali Raza (Shah)", "ali raza shah"],
    ["Ali, Raza!", "ali raza"],
    ["Mr. Ali Raza", "ali raza"],
    ["MR ALI RAZA", "ali raza"],
    ["Mrs Rukhsana Bibi", "rukhsana bibi"],
    ["Ms. Zainab", "zainab"],
    ["Miss Zainab", "zainab"],
    ["Dr. Ayesha Khan", "ayesha khan"],
    ["Mrs. Dr. Ayesha Khan", "ayesha khan"],
  ])("compares %j as %j", (typed, expected) => {
    expect(comparableName(typed)).toBe(expected);
  });

  it("applies Unicode NFKC", () => {
    // Full-width Latin letters and the "ﬁ" ligature fold to plain letters.
    expect(comparableName("\uff21\uff4c\uff49")).toBe("ali");
    expect(comparableName("\ufb01za")).toBe("fiza");
  });

  it("keeps Urdu names, matching Arabic and Urdu keyboard letters", () => {
    // "Ali" with an Arabic yeh against an Urdu yeh, and an Urdu full stop after it.
    expect(comparableName("\u0639\u0644\u064a\u06d4")).toBe(comparableName("\u0639\u0644\u06cc"));
    expect(comparableName("\u0639\u0644\u06cc")).toBe("\u0639\u0644\u06cc");
  });

  it("drops honorifics only as whole words", () => {
    expect(comparableName("Drishya Mir")).toBe("drishya mir");
    expect(comparableName("Missbah Mrsa")).toBe("missbah mrsa");
  });

  it("keeps different names different", () => {
    expect(comparableName("Ali Raza")).not.toBe(comparableName("Ali Reza"));
    expect(comparableName("Muhammad Ali")).not.toBe(comparableName("M. Ali"));
  });

  it("is empty for a name that is only a title", () => {
    expect(comparableName("Mr.")).toBe("");
    expect(comparableName("  ")).toBe("");
  });
});

describe("isLikelyDuplicate", () => {
  const registered: PersonKey = {
    fullName: "Rukhsana Bibi",
    dateOfBirth: "1979-02-14",
    phone: "+923001234567",
    cnic: "3520212345671",
  };
  const typed = (overrides: Partial<PersonKey>): PersonKey => ({ ...registered, ...overrides });

  it("matches the same name, date of birth and phone", () => {
    expect(isLikelyDuplicate(typed({ fullName: "Mrs. RUKHSANA  bibi", cnic: null }), registered)).toBe(true);
  });

  it("matches the same name, date of birth and CNIC", () => {
    expect(isLikelyDuplicate(typed({ phone: null }), registered)).toBe(true);
    expect(isLikelyDuplicate(typed({ phone: "+923119876543" }), registered)).toBe(true);
  });

  it("compares phones and CNICs as typed in any common form", () => {
    expect(isLikelyDuplicate(typed({ phone: "0300-1234567", cnic: null }), registered)).toBe(true);
    expect(isLikelyDuplicate(typed({ phone: "۰۳۰۰ ۱۲۳۴۵۶۷", cnic: null }), registered)).toBe(true);
    expect(isLikelyDuplicate(typed({ phone: null, cnic: "35202-1234567-1" }), registered)).toBe(true);
  });

  it("is symmetric", () => {
    const other = typed({ fullName: "Dr Rukhsana Bibi", phone: "03001234567", cnic: null });
    expect(isLikelyDuplicate(other, registered)).toBe(isLikelyDuplicate(registered, other));
  });

  it("needs the same date of birth", () => {
    expect(isLikelyDuplicate(typed({ dateOfBirth: "1979-02-15" }), registered)).toBe(false);
  });

  it("needs the same name", () => {
    expect(isLikelyDuplicate(typed({ fullName: "Rukhsana Begum" }), registered)).toBe(false);
  });

  it("needs a phone or CNIC in common", () => {
    expect(isLikelyDuplicate(typed({ phone: "+923119876543", cnic: "3520299999991" }), registered)).toBe(false);
  });

  it("does not count two missing phones or CNICs as the same", () => {
    const noContact = typed({ phone: null, cnic: null });
    expect(isLikelyDuplicate(noContact, noContact)).toBe(false);
    expect(isLikelyDuplicate(noContact, registered)).toBe(false);
  });

  it("does not count two unparseable phones or CNICs as the same", () => {
    const garbled = typed({ phone: "not a phone", cnic: "123" });
    expect(isLikelyDuplicate(garbled, garbled)).toBe(false);
  });

  it("does not match two people whose names are only a title", () => {
    expect(isLikelyDuplicate(typed({ fullName: "Mr." }), typed({ fullName: "Dr." }))).toBe(false);
  });

  it("lets twins with different names share a phone", () => {
    const twin = typed({ fullName: "Rehana Bibi", cnic: null });
    expect(isLikelyDuplicate(twin, registered)).toBe(false);
  });
});
