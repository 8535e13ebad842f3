import { chartLayout, type LayoutPoint } from "@/lib/records/programmes/chart-layout";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

export type ReadingChartSeries = { label: string; points: readonly LayoutPoint[] };

export type ReadingChartProps = {
  /** Translated: "Blood pressure". */
  title: string;
  /** Translated spoken summary for the chart image (`programmes.chronic.chart.summary` with `chartSummary`'s figures). */
  summary: string;
  unit: string;
  /** For the dates: "ur" or "en". */
  locale: string;
  /** One or two series: systolic and diastolic, or fasting and random glucose. */
  series: readonly ReadingChartSeries[];
  /** Target and threshold lines, each with its translated label ("Upper target 140"). */
  lines: ReadonlyArray<{ label: string; value: number }>;
  labels: { date: string; outOfRange: string; noReadings: string };
};

// Two series differ by line style and marker shape as well as colour, so that they can be
// told apart in grey print and by colour-blind readers; out-of-range points are a larger
// hollow diamond, whatever the series.
const SERIES_STYLES = [
  { stroke: "#065f46", dash: undefined, marker: "circle" },
  { stroke: "#334155", dash: "6 4", marker: "square" },
] as const;
const OUT_OF_RANGE = "#b91c1c";

function Marker({ x, y, shape, color, outOfRange }: { x: number; y: number; shape: "circle" | "square"; color: string; outOfRange: boolean }) {
  if (outOfRange) {
    const r = 6;
    return (
      <path
        d={`M ${x} ${y - r} L ${x + r} ${y} L ${x} ${y + r} L ${x - r} ${y} Z`}
        fill="#ffffff"
        stroke={OUT_OF_RANGE}
        strokeWidth={2.5}
      />
    );
  }
  return shape === "circle" ? <circle cx={x} cy={y} r={3.5} fill={color} /> : <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={color} />;
}

/**
 * Readings over time as an inline SVG, rendered on the server with no script: target lines,
 * out-of-range points as hollow diamonds, clinic-day date ticks, and a table of the values for
 * screen readers. The drawing stays left to right in Urdu too (time runs that way on every
 * chart); its labels are whatever language the caller translated them into.
 */
export function ReadingChart({ title, summary, unit, locale, series, lines, labels }: ReadingChartProps) {
  const hasReadings = series.some((s) => s.points.length > 0);
  const tickDate = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: CLINIC_TIME_ZONE });
  const fullDate = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: CLINIC_TIME_ZONE });

  if (!hasReadings) {
    return (
      <figure className="card">
        <figcaption className="font-semibold">{title}</figcaption>
        <p className="mt-2 text-slate-600">{labels.noReadings}</p>
      </figure>
    );
  }

  const layout = chartLayout({ series: series.map((s) => ({ points: s.points })), lines });
  const { plot } = layout;
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.takenAt.getTime())))].sort((a, b) => a - b);

  return (
    <figure className="card">
      <figcaption className="font-semibold">
        {title} <span className="text-sm font-normal text-slate-600">({unit})</span>
      </figcaption>
      <div dir="ltr">
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width="100%"
          className="mt-2 block h-auto w-full"
          role="img"
          aria-label={summary}
          fontSize={13}
        >
          {layout.yTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#e2e8f0" />
              <text x={plot.left - 4} y={tick.y} textAnchor="end" dominantBaseline="middle" fill="#475569">
                {tick.value}
              </text>
            </g>
          ))}
          {layout.xTicks.map((tick, i) => (
            <text
              key={tick.day}
              x={tick.x}
              y={plot.bottom + 20}
              fill="#475569"
              textAnchor={layout.xTicks.length === 1 ? "middle" : i === 0 ? "start" : i === layout.xTicks.length - 1 ? "end" : "middle"}
            >
              {tickDate.format(tick.at)}
            </text>
          ))}
          {layout.lines.map((line, i) => (
            <g key={`${lines[i]!.label}-${line.value}`}>
              <line x1={plot.left} x2={plot.right} y1={line.y} y2={line.y} stroke={OUT_OF_RANGE} strokeDasharray="2 3" strokeWidth={1.5} />
              <text x={plot.right} y={line.y - 4} textAnchor="end" fill={OUT_OF_RANGE} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
                {lines[i]!.label}
              </text>
            </g>
          ))}
          {layout.series.map((s, i) => {
            const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
            return (
              <g key={series[i]!.label}>
                {s.points.length > 1 && (
                  <polyline
                    points={s.points.map((p) => `${p.x},${p.y}`).join(" ")}
                    fill="none"
                    stroke={style.stroke}
                    strokeWidth={2}
                    strokeDasharray={style.dash}
                  />
                )}
                {s.points.map((p, j) => (
                  <Marker key={j} x={p.x} y={p.y} shape={style.marker} color={style.stroke} outOfRange={p.outOfRange} />
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-hidden="true">
        {series.map((s, i) => {
          const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
          return (
            <li key={s.label} className="flex items-center gap-1">
              <svg width="28" height="12" viewBox="0 0 28 12">
                <line x1="0" x2="28" y1="6" y2="6" stroke={style.stroke} strokeWidth={2} strokeDasharray={style.dash} />
                <Marker x={14} y={6} shape={style.marker} color={style.stroke} outOfRange={false} />
              </svg>
              {s.label}
            </li>
          );
        })}
        <li className="flex items-center gap-1">
          <svg width="16" height="16" viewBox="0 0 16 16">
            <Marker x={8} y={8} shape="circle" color={OUT_OF_RANGE} outOfRange />
          </svg>
          {labels.outOfRange}
        </li>
      </ul>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.date}</th>
            {series.map((s) => (
              <th key={s.label} scope="col">
                {s.label} ({unit})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.map((time) => (
            <tr key={time}>
              <th scope="row">{fullDate.format(new Date(time))}</th>
              {series.map((s) => {
                const point = s.points.find((p) => p.takenAt.getTime() === time);
                return <td key={s.label}>{point ? `${point.value}${point.outOfRange ? ` (${labels.outOfRange})` : ""}` : "–"}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
