import { describe, expect, it } from "vitest";
import { canTransition, checkInWindow, roomNameFor } from "./rules";

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

  it("refuses to reopen a finished consultation", () => {
    expect(canTransition("completed", "in_call")).toBe(false);
    expect(canTransition("cancelled", "waiting")).toBe(false);
    expect(canTransition("waiting", "completed")).toBe(false);
  });
});

it("derives the room name from the consultation only", () => {
  expect(roomNameFor("8c2a")).toBe("consult-8c2a");
});
