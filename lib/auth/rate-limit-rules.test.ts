import { describe, expect, it } from "vitest";
import { HOUR_MS, decideWindowCount, windowStartOf } from "./rate-limit-rules";

const at = (iso: string) => new Date(iso);

describe("windowStartOf", () => {
  it("aligns hourly windows to the clock hour", () => {
    expect(windowStartOf(at("2030-03-04T10:00:00Z"), HOUR_MS)).toEqual(at("2030-03-04T10:00:00Z"));
    expect(windowStartOf(at("2030-03-04T10:59:59.999Z"), HOUR_MS)).toEqual(at("2030-03-04T10:00:00Z"));
    expect(windowStartOf(at("2030-03-04T11:00:00Z"), HOUR_MS)).toEqual(at("2030-03-04T11:00:00Z"));
  });
});

describe("decideWindowCount", () => {
  const start = at("2030-03-04T10:00:00Z");

  it("allows up to the limit, counting this request", () => {
    expect(decideWindowCount(1, 3, start, HOUR_MS, at("2030-03-04T10:10:00Z"))).toEqual({ ok: true });
    expect(decideWindowCount(3, 3, start, HOUR_MS, at("2030-03-04T10:10:00Z"))).toEqual({ ok: true });
  });

  it("refuses past the limit until the window ends", () => {
    expect(decideWindowCount(4, 3, start, HOUR_MS, at("2030-03-04T10:10:00Z"))).toEqual({ ok: false, retryAfterSeconds: 50 * 60 });
    expect(decideWindowCount(40, 3, start, HOUR_MS, at("2030-03-04T10:59:58.200Z"))).toEqual({ ok: false, retryAfterSeconds: 2 });
  });

  it("never asks to wait less than a second", () => {
    expect(decideWindowCount(4, 3, start, HOUR_MS, at("2030-03-04T10:59:59.999Z"))).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
