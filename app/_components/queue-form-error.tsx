"use client";

import { FormAlert } from "./field";
import { useQueueErrorText } from "./queue-error-text";

/** A message about the whole form, not one field, in the queue's words. */
export function FormError({ code }: { code?: string }) {
  const errorText = useQueueErrorText();
  return <FormAlert text={code ? errorText(code) : undefined} />;
}
