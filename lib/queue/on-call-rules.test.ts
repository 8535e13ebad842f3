import { describe, expect, it } from "vitest";
import { isOnCallOpen, needsOnCall, nextOpening, type Shift } from "./on-call-rules";

const at = (iso: string) => new Date(iso);
const shifts: Shift[] = [
  { clinicianId: "a", need: "general", startsAt: at("2026-06-01T03:00:00Z"), endsAt: at("2026-06-01T11:00:00Z") },
  { clinicianId: "b", need: "child", startsAt: at("2026-06-01T09:00:00Z"), endsAt: at("2026-06-01T13:00:00Z") },
  { clinicianId: "a", need: "child", startsAt: at("2026-06-02T03:00:00Z"), endsAt: at("2026-06-02T05:00:00Z") },
];

describe("on-call hours", () => {
  it("is open only inside a shift for that need, end exclusive", () => {
    expect(isOnCallOpen(shifts, "general", at("2026-06-01T03:00:00Z"))).toBe(true);
    expect(isOnCallOpen(shifts, "general", at("2026-06-01T11:00:00Z"))).toBe(false);
    expect(isOnCallOpen(shifts, "womens_health", at("2026-06-01T05:00:00Z"))).toBe(false);
  });

  it("says when a closed pool opens next, or that no shift is planned", () => {
    expect(nextOpening(shifts, "child", at("2026-06-01T08:00:00Z"))).toEqual(at("2026-06-01T09:00:00Z"));
    expect(nextOpening(shifts, "child", at("2026-06-01T14:00:00Z"))).toEqual(at("2026-06-02T03:00:00Z"));
    expect(nextOpening(shifts, "womens_health", at("2026-06-01T14:00:00Z"))).toBeNull();
    const now = at("2026-06-01T10:00:00Z");
    expect(nextOpening(shifts, "general", now)).toBe(now);
  });

  it("lists the needs a clinician covers right now", () => {
    expect(needsOnCall(shifts, "a", at("2026-06-01T10:00:00Z"))).toEqual(["general"]);
    expect(needsOnCall(shifts, "b", at("2026-06-01T10:00:00Z"))).toEqual(["child"]);
    expect(needsOnCall(shifts, "a", at("2026-06-01T12:00:00Z"))).toEqual([]);
  });
});
