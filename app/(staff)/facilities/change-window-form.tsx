"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { setChangeWindowAction } from "./actions";

export function ChangeWindowForm({ facilityId, facilityName, hours }: { facilityId: string; facilityName: string; hours: number }) {
  const t = useTranslations("facilities");
  const [state, action, pending] = useActionState(setChangeWindowAction.bind(null, facilityId), {} as FormState);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-label={facilityName}>
      <div className="w-40">
        <Field
          label={t("window")}
          name={`hours`}
          id={`hours-${facilityId}`}
          type="number"
          inputMode="decimal"
          step="0.5"
          min={0}
          dir="ltr"
          defaultValue={state.values?.hours ?? String(hours)}
          error={state.fieldErrors?.minutes}
        />
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("save")}
      </button>
      {state.ok && (
        <span role="status" className="text-sm text-brand-700">
          {t("saved")}
        </span>
      )}
    </form>
  );
}
