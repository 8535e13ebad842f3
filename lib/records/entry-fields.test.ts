import { describe, expect, it } from "vitest";
import { z } from "zod";
import { codeOrFreeText, isCalendarDate, optionalWords, pastDate } from "./entry-fields";

const known = (code: string) => (code.trim().toUpperCase() === "J06.9" ? "J06.9" : undefined);
const entry = codeOrFreeText(known);
const firstIssue = (result: { success: boolean; error?: z.ZodError }) => {
  const issue = result.error?.issues[0];
  return issue && { path: issue.path, message: issue.message };
};

describe("codeOrFreeText", () => {
  it("takes a code from the list, normalised by the list's own finder", () => {
    expect(entry.parse({ code: " j06.9 ", freeText: "" })).toEqual({ code: "J06.9", freeText: null });
  });

  it("takes free text when no code is given", () => {
    expect(entry.parse({ code: "", freeText: "  Snake bite, unknown species " })).toEqual({ code: null, freeText: "Snake bite, unknown species" });
  });

  it("refuses both, neither, and a code that is not on the list, at the list field", () => {
    expect(firstIssue(entry.safeParse({ code: "J06.9", freeText: "cold" }))).toEqual({ path: ["code"], message: "entry_code_or_text" });
    expect(firstIssue(entry.safeParse({ code: " ", freeText: "  " }))).toEqual({ path: ["code"], message: "entry_required" });
    expect(firstIssue(entry.safeParse({}))).toEqual({ path: ["code"], message: "entry_required" });
    expect(firstIssue(entry.safeParse({ code: "X99.9" }))).toEqual({ path: ["code"], message: "entry_unknown" });
  });

  it("refuses free text longer than its limit", () => {
    expect(firstIssue(entry.safeParse({ freeText: "a".repeat(201) }))).toEqual({ path: ["freeText"], message: "entry_text_too_long" });
  });
});

describe("optionalWords", () => {
  it("turns blank into undefined and keeps trimmed words", () => {
    const field = optionalWords(5, "too_long");
    expect(field.parse("   ")).toBeUndefined();
    expect(field.parse(undefined)).toBeUndefined();
    expect(field.parse(" rash ")).toBe("rash");
    expect(field.safeParse("swelling").success).toBe(false);
  });
});

describe("pastDate", () => {
  const today = "2026-03-10";
  it("accepts a calendar date up to today, with Urdu digits", () => {
    expect(pastDate(today, "date_invalid").parse("2026-03-10")).toBe("2026-03-10");
    expect(pastDate(today, "date_invalid").parse("۲۰۲۶-۰۳-۰۱")).toBe("2026-03-01");
    expect(pastDate(today, "date_invalid").parse("")).toBeUndefined();
  });

  it("refuses tomorrow, an impossible date, and blank when required", () => {
    expect(pastDate(today, "date_invalid").safeParse("2026-03-11").success).toBe(false);
    expect(pastDate(today, "date_invalid").safeParse("2026-02-30").success).toBe(false);
    expect(pastDate(today, "date_invalid", { required: true }).safeParse("").error?.issues[0]?.message).toBe("date_invalid");
  });

  it("knows calendar dates", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-2-1")).toBe(false);
  });
});

describe("parseFields", () => {
  it("returns each schema's output, or every field's error at once", async () => {
    const { parseFields: parse } = await import("./entry-fields");
    const severity = z.object({ severity: z.enum(["mild", "severe"], { error: "severity_required" }) });
    expect(parse({ code: "J06.9", severity: "mild" }, entry, severity)).toEqual([{ code: "J06.9", freeText: null }, { severity: "mild" }]);
    expect(() => parse({ code: "", severity: "" }, entry, severity)).toThrow(
      expect.objectContaining({ code: "invalid", messageKey: "form_invalid", fieldErrors: { code: "entry_required", severity: "severity_required" } }),
    );
  });
});
