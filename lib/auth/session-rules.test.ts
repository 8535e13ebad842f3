import { describe, expect, it } from "vitest";
import { decideSession, idlesOut } from "./session-rules";

const T0 = new Date("2030-02-03T04:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const IDLE = 15 * 60_000;
const open = { lastActivityAt: T0, endedAt: null, endReason: null };

describe("idlesOut", () => {
  it("times out every staff role and no patient", () => {
    expect((["rhu_staff", "doctor", "specialist", "admin"] as const).map(idlesOut)).toEqual([true, true, true, true]);
    expect(idlesOut("patient")).toBe(false);
  });
});

describe("decideSession", () => {
  it("keeps a staff session until exactly the idle limit after the last activity", () => {
    expect(decideSession(open, "doctor", IDLE, at(IDLE - 1))).toEqual({ status: "active", expiresAt: at(IDLE) });
    expect(decideSession(open, "doctor", IDLE, at(IDLE))).toEqual({ status: "ended", reason: "idle" });
    expect(decideSession(open, "rhu_staff", IDLE, at(IDLE + 60_000))).toEqual({ status: "ended", reason: "idle" });
  });

  it("measures from the latest activity", () => {
    const touched = { ...open, lastActivityAt: at(10 * 60_000) };
    expect(decideSession(touched, "admin", IDLE, at(IDLE + 1))).toEqual({ status: "active", expiresAt: at(25 * 60_000) });
  });

  it("never idles a patient out", () => {
    expect(decideSession(open, "patient", IDLE, at(11 * 60 * 60_000))).toEqual({ status: "active", expiresAt: null });
  });

  it("keeps an ended session ended, for patients too", () => {
    const signedOut = { ...open, endedAt: at(1000), endReason: "signed_out" as const };
    expect(decideSession(signedOut, "patient", IDLE, at(2000))).toEqual({ status: "ended", reason: "signed_out" });
    expect(decideSession({ ...open, endedAt: at(IDLE), endReason: "idle" }, "doctor", IDLE, at(IDLE + 1))).toEqual({ status: "ended", reason: "idle" });
  });
});
