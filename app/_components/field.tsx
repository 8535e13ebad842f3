import { useTranslations } from "next-intl";

type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

/** What a translated error interpolates, e.g. `{ minutes }` in "try again in …". */
type ErrorValues = Record<string, number>;

/**
 * A labelled input with its error (already translated) or hint beneath it. `id` defaults to the
 * name; a form repeated on a page (one per queue row) passes its own.
 */
export function TextField({ label, name, id = name, error, hint, ...input }: FieldProps) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <label className="block" htmlFor={id}>
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <input id={id} name={name} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && !error && (
        <span id={`${id}-hint`} className="mt-1 block text-sm text-slate-500">
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} text={error} />
    </label>
  );
}

/** A labelled input whose error is a key of the `errors` namespace; it keeps what was typed. */
export function Field({ error, errorValues, ...props }: FieldProps & { errorValues?: ErrorValues }) {
  const t = useTranslations("errors");
  return <TextField {...props} error={error ? t(error, errorValues) : undefined} />;
}

/** An error under a field (already translated), read out when it appears. */
export function FieldError({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <span id={id} role="alert" className="mt-1 block text-sm text-red-700">
      {text}
    </span>
  );
}

/** A form-level message (already translated); `children` can add a way out (a link) beneath it. */
export function FormAlert({ text, children }: { text?: string; children?: React.ReactNode }) {
  if (!text) return null;
  return (
    <div role="alert" className="space-y-2 rounded-lg bg-red-50 p-3 text-sm text-red-800">
      <p>{text}</p>
      {children}
    </div>
  );
}

/** A form-level message whose text is a key of the `errors` namespace. */
export function FormMessage({ messageKey, values }: { messageKey?: string; values?: ErrorValues }) {
  const t = useTranslations("errors");
  return <FormAlert text={messageKey ? t(messageKey, values) : undefined} />;
}

/** A labelled group of radio buttons with its error beside it; the choice survives a refused submit. */
export function RadioGroup({
  name,
  legend,
  options,
  checked,
  error,
  columns,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked?: string;
  error?: string;
  columns: string;
}) {
  const te = useTranslations("errors");
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className={`mt-1 grid gap-2 ${columns}`}>
        {options.map((option) => (
          <label key={option.value} className="flex min-h-12 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3">
            <input type="radio" name={name} value={option.value} defaultChecked={checked === option.value} />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <span id={errorId} role="alert" className="mt-1 block text-sm text-red-700">
          {te(error)}
        </span>
      )}
    </fieldset>
  );
}

type SelectFieldProps = {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  /** The empty first choice: a disabled prompt ("Choose…") or a real "none" option. */
  empty: { label: string; selectable: boolean };
  defaultValue?: string;
  error?: string;
  /** Needed when the same form appears several times on a page. */
  id?: string;
  required?: boolean;
};

/** A labelled select with its translated error beside it; the choice survives a refused submit. */
export function SelectField({ label, name, options, empty, defaultValue, error, id = name, required }: SelectFieldProps) {
  const t = useTranslations("errors");
  const errorId = `${id}-error`;
  return (
    <label className="block" htmlFor={id}>
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={defaultValue ?? ""}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        <option value="" disabled={!empty.selectable}>
          {empty.label}
        </option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <span id={errorId} role="alert" className="mt-1 block text-sm text-red-700">
          {t(error)}
        </span>
      )}
    </label>
  );
}
