"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/errors";
import { useEnterCall, type EnterCallState } from "./enter-call";
import { FormMessage } from "./field";

/**
 * A one-button form for a server action that takes no input, with its error beneath it; an
 * action that answers `enterCall` takes the user into that call.
 */
export function ActionButton({
  action,
  label,
  disabled = false,
}: {
  action: (state: FormState & EnterCallState) => Promise<FormState & EnterCallState>;
  label: string;
  disabled?: boolean;
}) {
  const [state, run, pending] = useActionState(action, {} as FormState & EnterCallState);
  useEnterCall(state.enterCall);
  return (
    <form action={run} className="space-y-2">
      <button type="submit" className="btn-primary" disabled={disabled || pending}>
        {label}
      </button>
      <FormMessage messageKey={state.message} />
    </form>
  );
}
