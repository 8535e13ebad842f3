import { describe, expect, it } from "vitest";
import { chartLayout, chartSummary } from "./chart-layout";

const at = (iso: string) => new Date(iso);

// Worked by hand: values 78–168 and lines 90/140 need a step of 25 to fit in six ticks
// (step 20 would need 60..180, seven ticks), with a step of margin: 75 to 175. The plot runs
// from y = 12 (175) to y = 208 (75) of the 360 × 240 box, 1.96 units per mmHg, and from x = 36 to x = 348.
const bp = {
  series: [
    {
      points: [
        { takenAt: at("2026-01-05T05:00:00Z"), value: 168, outOfRange: true },
        { takenAt: at("2026-04-01T05:00:00Z"), value: 128, outOfRange: false },
      ],
    },
    {
      points: [
        { takenAt: at("2026-01-05T05:00:00Z"), value: 102, outOfRange: true },
        { takenAt: at("2026-04-01T05:00:00Z"), value: 78, outOfRange: false },
      ],
    },
  ],
  lines: [{ value: 140 }, { value: 90 }],
};

describe("chartLayout", () => {
  const layout = chartLayout(bp);

  it("rounds the value axis to a step that fits, with a step of margin", () => {
    expect(layout.yTicks.map((t) => t.value)).toEqual([75, 100, 125, 150, 175]);
    expect(layout.yTicks[0]!.y).toBe(208);
    expect(layout.yTicks.at(-1)!.y).toBe(12);
  });

  it("places points and lines on the scale", () => {
    const [first, last] = layout.series[0]!.points;
    expect([first!.x, last!.x]).toEqual([36, 348]);
    expect(first!.y).toBeCloseTo(208 - 93 * 1.96);
    expect(last!.y).toBeCloseTo(208 - 53 * 1.96);
    expect(layout.series[1]!.points[1]!.y).toBeCloseTo(208 - 3 * 1.96);
    expect(layout.lines[0]!.y).toBeCloseTo(208 - 65 * 1.96);
    expect(layout.lines[1]!.y).toBeCloseTo(208 - 15 * 1.96);
    expect(layout.series[0]!.points[0]!.outOfRange).toBe(true);
  });

  it("ticks four clinic days across the time axis", () => {
    // 86 days in three equal parts of 28 d 16 h: 2 Feb 21:00 UTC is already 3 Feb in Karachi.
    expect(layout.xTicks.map(({ day, x }) => ({ day, x }))).toEqual([
      { day: "2026-01-05", x: 36 },
      { day: "2026-02-03", x: 140 },
      { day: "2026-03-03", x: 244 },
      { day: "2026-04-01", x: 348 },
    ]);
  });

  it("centres a single reading and labels it with its Karachi day", () => {
    const one = chartLayout({ series: [{ points: [{ takenAt: at("2026-03-01T20:00:00Z"), value: 120, outOfRange: false }] }], lines: [] });
    expect(one.series[0]!.points[0]!.x).toBe(192);
    expect(one.xTicks).toEqual([{ day: "2026-03-02", at: at("2026-03-01T20:00:00Z"), x: 192 }]);
  });

  it("labels a day once when every reading is on it", () => {
    const sameDay = chartLayout({
      series: [
        {
          points: [
            { takenAt: at("2026-03-02T04:00:00Z"), value: 120, outOfRange: false },
            { takenAt: at("2026-03-02T10:00:00Z"), value: 130, outOfRange: false },
          ],
        },
      ],
      lines: [],
    });
    expect(sameDay.xTicks).toEqual([{ day: "2026-03-02", at: at("2026-03-02T04:00:00Z"), x: 36 }]);
  });

  it("fits glucose from a hypo to 300 in five ticks of 100", () => {
    const glucose = chartLayout({
      series: [
        {
          points: [
            { takenAt: at("2026-01-01T05:00:00Z"), value: 65, outOfRange: true },
            { takenAt: at("2026-02-01T05:00:00Z"), value: 300, outOfRange: true },
          ],
        },
      ],
      lines: [{ value: 70 }, { value: 130 }, { value: 180 }],
    });
    expect(glucose.yTicks.map((t) => t.value)).toEqual([0, 100, 200, 300, 400]);
  });

  it("draws nothing on the time axis without readings, and refuses values that are not numbers", () => {
    expect(chartLayout({ series: [], lines: [] }).xTicks).toEqual([]);
    expect(() => chartLayout({ series: [], lines: [{ value: Number.NaN }] })).toThrow(RangeError);
    expect(() => chartLayout({ series: [{ points: [{ takenAt: at("x"), value: 1, outOfRange: false }] }], lines: [] })).toThrow(RangeError);
  });
});

describe("chartSummary", () => {
  it("counts readings, not points, and a reading out of range when either number is", () => {
    expect(chartSummary(bp)).toEqual({ count: 2, from: at("2026-01-05T05:00:00Z"), to: at("2026-04-01T05:00:00Z"), outOfRange: 1 });
  });

  it("is empty without readings", () => {
    expect(chartSummary({ series: [], lines: [] })).toEqual({ count: 0, from: null, to: null, outOfRange: 0 });
  });
});
