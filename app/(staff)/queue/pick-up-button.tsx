"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { pickUpOnCallAction } from "./actions";

export function PickUpButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations("onCall");
  const [state, action, pending] = useActionState(pickUpOnCallAction, {} as FormState);
  return (
    <form action={action} className="space-y-2">
      <button type="submit" className="btn-primary" disabled={disabled || pending}>
        {t("pickUp")}
      </button>
      <FormMessage messageKey={state.message} />
    </form>
  );
}
