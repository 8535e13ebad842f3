import { describe, expect, it } from "vitest";
import { formatTrackingNumber, parseTrackingNumber, trackingNumberFor } from "./tracking-number";

describe("complaint tracking numbers", () => {
  it("carry the month of filing in Karachi time, the serial and a check digit", () => {
    // 20:00 UTC on 30 November is 1 December in Karachi.
    const number = trackingNumberFor(42, new Date("2026-11-30T20:00:00Z"));
    expect(number.slice(0, 9)).toBe("261200042");
    expect(formatTrackingNumber(number)).toMatch(/^2612-00042-\d$/);
    expect(parseTrackingNumber(formatTrackingNumber(number))).toBe(number);
    expect(trackingNumberFor(1_234_567, new Date("2026-01-05T00:00:00Z")).slice(0, 11)).toBe("26011234567");
  });

  it("read Urdu digits and catch a wrong digit or two swapped ones", () => {
    const number = trackingNumberFor(9_731, new Date("2026-12-03T08:00:00Z"));
    const urdu = number.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    expect(parseTrackingNumber(urdu)).toBe(number);
    for (let at = 0; at < number.length; at++) {
      const wrong = number.slice(0, at) + String((Number(number[at]) + 1) % 10) + number.slice(at + 1);
      expect(parseTrackingNumber(wrong)).toBeNull();
    }
    for (let at = 0; at + 1 < number.length; at++) {
      if (number[at] === number[at + 1]) continue;
      const swapped = number.slice(0, at) + number[at + 1] + number[at] + number.slice(at + 2);
      expect(parseTrackingNumber(swapped)).toBeNull();
    }
    expect(parseTrackingNumber("")).toBeNull();
    expect(parseTrackingNumber("12-34")).toBeNull();
  });
});
