"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, SelectField } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { adjustAction, receiveAction, transferAction } from "./actions";

type Option = { value: string; label: string };
type Kind = "receive" | "adjust" | "transfer";

const actions = { receive: receiveAction, adjust: adjustAction, transfer: transferAction };
const titles = { receive: "receive", adjust: "adjust", transfer: "transfer" } as const;
const submitLabels = { receive: "save", adjust: "save", transfer: "send" } as const;

/**
 * One of the three ways stock changes by hand — a delivery, an adjustment with its reason, a
 * transfer — as a form. Refusals show at their fields and keep what was typed (the form is
 * drawn again keyed by what came back, so the selects keep their choice).
 */
export function MovementForm({ kind, facilityId, medicines, reasons = [], destinations = [] }: { kind: Kind; facilityId: string; medicines: Option[]; reasons?: string[]; destinations?: Option[] }) {
  const t = useTranslations("stock");
  const [state, action, pending] = useActionState(actions[kind].bind(null, facilityId), {} as FormState);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const values = state.ok ? {} : (state.values ?? {});
  const id = (name: string) => `${kind}-${name}`;
  return (
    <form key={JSON.stringify(values)} action={action} className="card space-y-3" aria-label={t(titles[kind])}>
      <h2 className="font-semibold">{t(titles[kind])}</h2>
      {kind === "transfer" && (
        <SelectField id={id("to")} name="toFacilityId" label={t("toFacility")} options={destinations} empty={{ label: t("chooseFacility"), selectable: false }} defaultValue={values.toFacilityId} error={errors.toFacilityId} />
      )}
      <SelectField id={id("medicine")} name="medicineCode" label={t("medicine")} options={medicines} empty={{ label: t("chooseMedicine"), selectable: false }} defaultValue={values.medicineCode} error={errors.medicineCode} />
      {kind === "adjust" && (
        <SelectField
          id={id("direction")}
          name="direction"
          label={t("direction")}
          options={[
            { value: "remove", label: t("direction_remove") },
            { value: "add", label: t("direction_add") },
          ]}
          empty={{ label: t("chooseDirection"), selectable: false }}
          defaultValue={values.direction}
          error={errors.direction}
        />
      )}
      <Field id={id("quantity")} name="quantity" label={t("quantity")} inputMode="numeric" dir="ltr" defaultValue={values.quantity} error={errors.quantity} />
      {kind === "receive" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={id("batch")} name="batch" label={`${t("batch")} (${t("optional")})`} dir="ltr" maxLength={40} defaultValue={values.batch} error={errors.batch} />
          <Field id={id("expiry")} name="expiresOn" type="date" label={`${t("expiresOn")} (${t("optional")})`} dir="ltr" defaultValue={values.expiresOn} error={errors.expiresOn} />
        </div>
      )}
      {kind === "adjust" && (
        <SelectField id={id("reason")} name="reason" label={t("reason")} options={reasons.map((reason) => ({ value: reason, label: t(`reason_${reason}`) }))} empty={{ label: t("chooseReason"), selectable: false }} defaultValue={values.reason} error={errors.reason} />
      )}
      <Field id={id("note")} name="note" label={`${t("note")} (${t("optional")})`} maxLength={300} defaultValue={values.note} error={errors.note} />
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary min-h-11" disabled={pending}>
          {t(submitLabels[kind])}
        </button>
        {state.ok && (
          <span role="status" className="text-sm text-brand-700">
            {t(kind === "transfer" ? "sent" : "saved")}
          </span>
        )}
      </div>
      <FormMessage messageKey={state.ok ? undefined : state.message} />
    </form>
  );
}
