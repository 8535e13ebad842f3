"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/errors";
import { FormMessage } from "./field";

/** A one-button form for a server action that takes no input, with its error beneath it. */
export function ActionButton({
  action,
  label,
  disabled = false,
}: {
  action: (state: FormState) => Promise<FormState>;
  label: string;
  disabled?: boolean;
}) {
  const [state, run, pending] = useActionState(action, {} as FormState);
  return (
    <form action={run} className="space-y-2">
      <button type="submit" className="btn-primary" disabled={disabled || pending}>
        {label}
      </button>
      <FormMessage messageKey={state.message} />
    </form>
  );
}
