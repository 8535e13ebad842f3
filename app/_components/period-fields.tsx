/** The "from" and "to" clinic dates of a report's period, as the GET form's `from` and `to`. */
export function PeriodFields({ fromLabel, toLabel, from, to }: { fromLabel: string; toLabel: string; from: string; to: string }) {
  return (
    <>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{fromLabel}</span>
        <input className="field-input" type="date" name="from" dir="ltr" defaultValue={from} />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{toLabel}</span>
        <input className="field-input" type="date" name="to" dir="ltr" defaultValue={to} />
      </label>
    </>
  );
}
