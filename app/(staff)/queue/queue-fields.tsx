"use client";

import { useQueueErrorText } from "./error-text";

/**
 * A labelled text input whose error is translated beside it. The id is the caller's, because the
 * same form repeats on every row of the queue. Required fields are marked for assistive
 * technology but checked by the server, so the message is ours and in the page's language.
 */
export function TextField({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  required = false,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  required?: boolean;
}) {
  const errorText = useQueueErrorText();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <label className="block" htmlFor={id}>
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        maxLength={500}
        className="field-input"
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint && !error && (
        <span id={`${id}-hint`} className="mt-1 block text-sm text-slate-500">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} role="alert" className="mt-1 block text-sm text-red-700">
          {errorText(error)}
        </span>
      )}
    </label>
  );
}

/** A message about the whole form, not one field. */
export function FormError({ code }: { code?: string }) {
  const errorText = useQueueErrorText();
  if (!code) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
      {errorText(code)}
    </p>
  );
}
