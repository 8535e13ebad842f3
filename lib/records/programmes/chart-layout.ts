import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

export type LayoutPoint = { takenAt: Date; value: number; outOfRange: boolean };
export type LayoutInput = {
  series: ReadonlyArray<{ points: readonly LayoutPoint[] }>;
  lines: ReadonlyArray<{ value: number }>;
};
export type ChartSize = { width: number; height: number };

export type ChartLayout = ChartSize & {
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: Array<{ value: number; y: number }>;
  /** Clinic days (YYYY-MM-DD) with the instant that is labelled and its position, left to right. */
  xTicks: Array<{ day: string; at: Date; x: number }>;
  series: Array<{ points: Array<LayoutPoint & { x: number; y: number }> }>;
  lines: Array<{ value: number; y: number }>;
};

/**
 * The default drawing box: 360 units wide, so that at a 360 px phone the text is drawn at
 * about its nominal size; the SVG scales with its container through its viewBox.
 */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 360, height: 240 };
// Room for the value labels on the left and the date labels below.
const MARGIN = { left: 36, right: 12, top: 12, bottom: 32 };
const NICE_STEPS = [5, 10, 20, 25, 50, 100, 200];
const MAX_Y_TICKS = 6;
const MAX_X_TICKS = 4;
const DAY_MS = 86_400_000;

function clinicDay(instant: Date): string {
  return format(new TZDate(instant, CLINIC_TIME_ZONE), "yyyy-MM-dd");
}

/**
 * Where everything of a readings chart goes, in viewBox units: a value axis rounded to a step
 * that gives at most six ticks and holds every reading and every target line, a time axis
 * from the first reading to the last (a single reading, or several at one moment, sits in the
 * middle) with at most four date ticks on distinct clinic days, and each point's position.
 */
export function chartLayout(input: LayoutInput, size: ChartSize = DEFAULT_CHART_SIZE): ChartLayout {
  const plot = { left: MARGIN.left, right: size.width - MARGIN.right, top: MARGIN.top, bottom: size.height - MARGIN.bottom };
  const points = input.series.flatMap((s) => s.points);
  const values = [...points.map((p) => p.value), ...input.lines.map((l) => l.value)];
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError("chart values must be finite numbers");
  for (const p of points) if (Number.isNaN(p.takenAt.getTime())) throw new RangeError("takenAt must be a valid date");

  const low = values.length > 0 ? Math.min(...values) : 0;
  const high = values.length > 0 ? Math.max(...values) : 100;
  // One step of margin beyond the extreme values, so that no point sits on the plot's edge.
  const axisFor = (step: number) => {
    const min = Math.max(0, (Math.ceil(low / step) - 1) * step);
    const max = (Math.floor(high / step) + 1) * step;
    return { step, min, max, ticks: (max - min) / step + 1 };
  };
  const axis = NICE_STEPS.map(axisFor).find((a) => a.ticks <= MAX_Y_TICKS) ?? axisFor(Math.ceil((high - low) / (MAX_Y_TICKS - 2) / 100) * 100);
  const { step, min: yMin, max: yMax } = axis;
  const y = (value: number) => plot.bottom - ((value - yMin) / (yMax - yMin)) * (plot.bottom - plot.top);
  const yTicks: ChartLayout["yTicks"] = [];
  for (let value = yMin; value <= yMax; value += step) yTicks.push({ value, y: y(value) });

  const times = points.map((p) => p.takenAt.getTime());
  const first = times.length > 0 ? Math.min(...times) : 0;
  const last = times.length > 0 ? Math.max(...times) : 0;
  const [tMin, tMax] = first === last ? [first - DAY_MS, last + DAY_MS] : [first, last];
  const x = (time: number) => plot.left + ((time - tMin) / (tMax - tMin)) * (plot.right - plot.left);

  const xTicks: ChartLayout["xTicks"] = [];
  if (times.length > 0) {
    const count = first === last ? 1 : MAX_X_TICKS;
    for (let i = 0; i < count; i++) {
      const time = count === 1 ? first : first + ((last - first) * i) / (count - 1);
      const day = clinicDay(new Date(time));
      if (!xTicks.some((t) => t.day === day)) xTicks.push({ day, at: new Date(time), x: x(time) });
    }
  }

  return {
    ...size,
    plot,
    yTicks,
    xTicks,
    series: input.series.map((s) => ({ points: s.points.map((p) => ({ ...p, x: x(p.takenAt.getTime()), y: y(p.value) })) })),
    lines: input.lines.map((l) => ({ value: l.value, y: y(l.value) })),
  };
}

/** The figures a chart's spoken summary needs: how many readings, over which days, how many out of range. */
export function chartSummary(input: LayoutInput): { count: number; from: Date | null; to: Date | null; outOfRange: number } {
  const byTime = new Map<number, boolean>();
  for (const p of input.series.flatMap((s) => s.points)) {
    byTime.set(p.takenAt.getTime(), (byTime.get(p.takenAt.getTime()) ?? false) || p.outOfRange);
  }
  const times = [...byTime.keys()];
  return {
    count: times.length,
    from: times.length > 0 ? new Date(Math.min(...times)) : null,
    to: times.length > 0 ? new Date(Math.max(...times)) : null,
    outOfRange: [...byTime.values()].filter(Boolean).length,
  };
}
