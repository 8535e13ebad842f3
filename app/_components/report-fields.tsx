/* The fields of an office report's GET form, the same on every report. */

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

/**
 * The GET form's `facility`: all of the admin's facilities (""), or one of them. The label is
 * beside the select, not around it: around it, the options' text would join the select's name.
 */
export function FacilityField({ label, allLabel, facilities, value }: { label: string; allLabel: string; facilities: { id: string; name: string }[]; value?: string }) {
  return (
    <div>
      <label className="block text-sm font-medium text-slate-700" htmlFor="report-facility">
        {label}
      </label>
      <select id="report-facility" name="facility" className="field-input" defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {facilities.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </div>
  );
}
