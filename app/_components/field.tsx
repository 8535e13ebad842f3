import { useTranslations } from "next-intl";

type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

/** A labelled input that shows its translated error beside it and keeps what was typed. */
export function Field({ label, name, error, hint, ...input }: FieldProps) {
  const t = useTranslations("errors");
  const describedBy = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <label className="block">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <input id={name} name={name} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && !error && (
        <span id={`${name}-hint`} className="mt-1 block text-sm text-slate-500">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${name}-error`} role="alert" className="mt-1 block text-sm text-red-700">
          {t(error)}
        </span>
      )}
    </label>
  );
}

/** A form-level message (not tied to one field). */
export function FormMessage({ messageKey }: { messageKey?: string }) {
  const t = useTranslations("errors");
  if (!messageKey) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
      {t(messageKey)}
    </p>
  );
}
