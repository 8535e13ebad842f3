"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { checkInAction } from "./actions";

export function CheckInButton({ appointmentId }: { appointmentId: string }) {
  const t = useTranslations("appointments");
  const [state, action, pending] = useActionState(checkInAction, {} as FormState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("checkIn")}
      </button>
      <FormMessage messageKey={state.message} />
    </form>
  );
}
