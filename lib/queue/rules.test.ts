import { describe, expect, it } from "vitest";
import {
  PATIENT_OFFLINE_AFTER_MS,
  canTransition,
  checkInWindow,
  isPatientOnline,
  queueKeyOf,
  roomNameFor,
} from "./rules";

const start = new Date("2026-03-02T05:00:00Z");
const end = new Date("2026-03-02T05:15:00Z");
const at = (iso: string) => new Date(iso);

describe("checkInWindow", () => {
  it("opens fifteen minutes before the start", () => {
    expect(checkInWindow(start, end, at("2026-03-02T04:44:59Z"))).toBe("too_early");
    expect(checkInWindow(start, end, at("2026-03-02T04:45:00Z"))).toBe("open");
  });

  it("stays open until the slot ends", () => {
    expect(checkInWindow(start, end, at("2026-03-02T05:14:59Z"))).toBe("open");
    expect(checkInWindow(start, end, at("2026-03-02T05:15:00Z"))).toBe("closed");
  });
});

describe("canTransition", () => {
  it("allows the normal path", () => {
    expect(canTransition("waiting", "in_call")).toBe(true);
    expect(canTransition("in_call", "completed")).toBe(true);
  });

  it("lets a doctor put an admitted patient back in the queue", () => {
    expect(canTransition("in_call", "waiting")).toBe(true);
  });

  it("refuses to reopen a finished consultation", () => {
    expect(canTransition("completed", "in_call")).toBe(false);
    expect(canTransition("cancelled", "waiting")).toBe(false);
    expect(canTransition("waiting", "completed")).toBe(false);
  });
});

it("derives the room name from the consultation only", () => {
  expect(roomNameFor("8c2a")).toBe("consult-8c2a");
});

describe("queueKeyOf", () => {
  it("is the clinician's queue once a clinician is set, else the specialty's", () => {
    expect(queueKeyOf({ clinicianId: "d1", specialtyCode: "paediatrics" })).toBe("c:d1");
    expect(queueKeyOf({ clinicianId: null, specialtyCode: "paediatrics" })).toBe("s:paediatrics");
    expect(() => queueKeyOf({ clinicianId: null, specialtyCode: null })).toThrow();
  });
});

describe("patient presence", () => {
  const now = at("2026-03-02T05:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const home = { hostedBy: null, patientConnections: 1, patientSeenAt: ago(1_000), checkedInAt: ago(60_000) };

  it("is online while connected with a fresh heartbeat", () => {
    expect(isPatientOnline(home, now)).toBe(true);
    expect(isPatientOnline({ ...home, patientConnections: 0 }, now)).toBe(false);
    expect(isPatientOnline({ ...home, patientSeenAt: ago(PATIENT_OFFLINE_AFTER_MS) }, now)).toBe(false);
  });

  it("always counts a patient hosted at a facility as there", () => {
    expect(isPatientOnline({ ...home, hostedBy: "staff", patientConnections: 0, patientSeenAt: null }, now)).toBe(true);
  });
});
