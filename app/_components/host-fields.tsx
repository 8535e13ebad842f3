"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/app/_components/field";
import { plausibleRanges } from "@/lib/vitals/ranges";

type Measured = keyof typeof plausibleRanges;
const isMeasured = (field: string): field is Measured => field in plausibleRanges;

/**
 * Turns an error key from the domain into text. Host-mode keys (vitals, triage, routing) live in
 * `host.errors`; anything else is a shared key of the `errors` namespace. The many per-field
 * vitals keys (`pulse_range`, `spo2_number`…) share two messages that quote the field's limits.
 */
export function useErrorText(): (key: string | undefined) => string | undefined {
  const t = useTranslations("host.errors");
  const shared = useTranslations("errors");
  return (key) => {
    if (!key) return undefined;
    const measured = /^(\w+)_(number|range)$/.exec(key);
    if (measured && isMeasured(measured[1]!)) {
      const { min, max, decimals } = plausibleRanges[measured[1] as Measured];
      if (measured[2] === "range") return t("measurement_range", { min, max });
      return t(decimals === 0 ? "measurement_whole" : "measurement_decimal");
    }
    return t.has(key) ? t(key) : shared(key);
  };
}

/**
 * One measurement: a text box with a numeric keyboard (Urdu digits and a decimal comma are
 * accepted by the parser, which a type="number" box would refuse), and its unit after it.
 */
export function MeasureField({
  name,
  label,
  unit,
  decimal,
  defaultValue,
  error,
  hint,
}: {
  name: string;
  label: string;
  unit: string;
  decimal: boolean;
  defaultValue?: string;
  error?: string;
  hint?: string;
}) {
  const describedBy = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <div>
      <label htmlFor={name} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={name}
          name={name}
          type="text"
          inputMode={decimal ? "decimal" : "numeric"}
          autoComplete="off"
          dir="ltr"
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="field-input min-w-0 flex-1"
        />
        <span className="mt-1 w-14 shrink-0 text-sm text-slate-600" dir="ltr">
          {unit}
        </span>
      </div>
      {hint && !error && (
        <span id={`${name}-hint`} className="mt-1 block text-sm text-slate-500">
          {hint}
        </span>
      )}
      <FieldError id={`${name}-error`} text={error} />
    </div>
  );
}

/** Radio buttons as large tiles; `onChange` reports the choice for what the form shows next. */
export function ChoiceField({
  name,
  legend,
  options,
  defaultValue,
  error,
  className = "grid-cols-3",
  onChange,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
  error?: string;
  className?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className={`mt-1 grid gap-2 ${className}`}>
        {options.map((option) => (
          <label key={option.value} className="flex min-h-12 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 has-checked:border-brand-600 has-checked:bg-brand-50">
            <input type="radio" name={name} value={option.value} defaultChecked={defaultValue === option.value} onChange={() => onChange?.(option.value)} />
            <span>
              <span className="block font-medium">{option.label}</span>
              {option.hint && <span className="block text-sm text-slate-600">{option.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} text={error} />
    </fieldset>
  );
}

/** A large tick box with its label, for yes/no facts of the visit. */
export function CheckField({
  name,
  label,
  defaultChecked,
  onChange,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
  onChange?: (checked: boolean) => void;
}) {
  return (
    <label className="flex min-h-12 items-center gap-3 rounded-lg border border-slate-300 bg-white px-3">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} onChange={(e) => onChange?.(e.target.checked)} className="size-5" />
      {label}
    </label>
  );
}
