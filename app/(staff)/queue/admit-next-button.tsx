"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { admitNextAction } from "./actions";

export function AdmitNextButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations("queue");
  const [state, action, pending] = useActionState(admitNextAction, {} as FormState);
  return (
    <form action={action} className="space-y-2">
      <button type="submit" className="btn-primary" disabled={disabled || pending}>
        {t("admitNext")}
      </button>
      <FormMessage messageKey={state.message} />
    </form>
  );
}
