import { describe, expect, it } from "vitest";
import { formatCnic, formatPkMobileLocal, normalizeCnic, normalizePkMobile } from "./identifiers";

describe("normalizePkMobile", () => {
  it.each([
    "03001234567",
    "0300-1234567",
    "0300 1234567",
    "+92 300 1234567",
    "+923001234567",
    "923001234567",
    "0092 300 1234567",
    "+92 (300) 123-4567",
    "  03001234567  ",
    "۰۳۰۰-۱۲۳۴۵۶۷",
    "٠٣٠٠١٢٣٤٥٦٧",
    "+۹۲ ۳۰۰ ۱۲۳۴۵۶۷",
  ])("accepts %j", (input) => {
    expect(normalizePkMobile(input)).toBe("+923001234567");
  });

  it("accepts the national number without the trunk 0", () => {
    expect(normalizePkMobile("300 1234567")).toBe("+923001234567");
  });

  it.each([
    ["Jazz", "0301-2345678", "+923012345678"],
    ["Zong", "0311-2345678", "+923112345678"],
    ["Ufone", "0333-2345678", "+923332345678"],
    ["Telenor", "0345-2345678", "+923452345678"],
  ])("accepts %s numbers", (_operator, input, e164) => {
    expect(normalizePkMobile(input)).toBe(e164);
  });

  it.each([
    ["Lahore landline", "042-35761234"],
    ["Islamabad landline", "051-1234567"],
    ["landline in E.164", "+924235761234"],
    ["toll free", "0800-12345"],
    ["too short", "0300123456"],
    ["too long", "030012345678"],
    ["foreign mobile", "+44 7400 123456"],
    ["US number", "+1 202 555 0123"],
    ["trailing letters", "0300 1234567abc"],
    ["extension", "03001234567 ext. 5"],
    ["tel: URI", "tel:+923001234567"],
    ["plus in the middle", "0300+1234567"],
    ["empty", ""],
    ["letters only", "not a number"],
  ])("rejects %s (%j)", (_label, input) => {
    expect(normalizePkMobile(input)).toBeNull();
  });
});

describe("formatPkMobileLocal", () => {
  it("formats as 03XX-XXXXXXX", () => {
    expect(formatPkMobileLocal("+923001234567")).toBe("0300-1234567");
    expect(formatPkMobileLocal("+923452345678")).toBe("0345-2345678");
  });

  it("round-trips with normalizePkMobile", () => {
    const e164 = normalizePkMobile("0333 2345678");
    expect(e164).not.toBeNull();
    expect(normalizePkMobile(formatPkMobileLocal(e164 ?? ""))).toBe(e164);
  });

  it.each(["03001234567", "+92300123456", "+924235761234", "+443001234567"])("throws for %j", (input) => {
    expect(() => formatPkMobileLocal(input)).toThrow(RangeError);
  });
});

describe("normalizeCnic", () => {
  it.each(["12345-1234567-1", "1234512345671", " 12345-1234567-1 ", "۱۲۳۴۵-۱۲۳۴۵۶۷-۱", "١٢٣٤٥١٢٣٤٥٦٧١"])(
    "accepts %j",
    (input) => {
      expect(normalizeCnic(input)).toBe("1234512345671");
    },
  );

  it.each([
    "12345-1234567-12",
    "123451234567",
    "12345123456712",
    "1234-51234567-1",
    "12345 1234567 1",
    "12345--1234567-1",
    "12345-12345671",
    "12345-1234567-A",
    "12345.1234567.1",
    "",
  ])("rejects %j", (input) => {
    expect(normalizeCnic(input)).toBeNull();
  });
});

describe("formatCnic", () => {
  it("formats as 5-7-1", () => {
    expect(formatCnic("1234512345671")).toBe("12345-1234567-1");
  });

  it("round-trips with normalizeCnic", () => {
    expect(normalizeCnic(formatCnic("3520212345679"))).toBe("3520212345679");
  });

  it.each(["12345-1234567-1", "123451234567", "۱۲۳۴۵۱۲۳۴۵۶۷۱"])("throws for %j", (input) => {
    expect(() => formatCnic(input)).toThrow(RangeError);
  });
});
