"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { reportOutageAction, setEquipmentAction } from "./actions";

type Item = { kind: string; present: boolean | null };

/** Which items the facility has: one checkbox each, saved together. */
export function InventoryForm({ facilityId, items }: { facilityId: string; items: Item[] }) {
  const t = useTranslations("capability");
  const [state, action, pending] = useActionState(setEquipmentAction.bind(null, facilityId), {} as FormState);
  return (
    <form action={action} className="space-y-3">
      <fieldset>
        <legend className="font-semibold">{t("inventory")}</legend>
        <p className="text-sm text-slate-600">{t("inventoryHint")}</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {items.map((item) => (
            <label key={item.kind} className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-200 px-3">
              <input type="checkbox" name="present" value={item.kind} defaultChecked={item.present === true} className="h-5 w-5" />
              <span>{t(`kind_${item.kind}`)}</span>
              {item.present === null && <span className="text-xs text-slate-500">{t("notRecorded")}</span>}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("saveInventory")}
        </button>
        {state.ok && (
          <span role="status" className="text-sm text-brand-700">
            {t("saved")}
          </span>
        )}
      </div>
      <FormMessage messageKey={state.ok ? undefined : state.message} />
    </form>
  );
}

/** Report an item out of order from now, with what is wrong. */
export function OutageForm({ facilityId, kinds }: { facilityId: string; kinds: string[] }) {
  const t = useTranslations("capability");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(reportOutageAction.bind(null, facilityId), {} as FormState);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const values = state.ok ? {} : (state.values ?? {});
  return (
    // Keyed by what came back, so the item select keeps the choice after React resets the form.
    <form key={JSON.stringify(values)} action={action} className="space-y-3" aria-label={t("reportOutage")}>
      <h2 className="font-semibold">{t("reportOutage")}</h2>
      <div>
        <label className="block text-sm font-medium text-slate-700" htmlFor="outage-kind">
          {t("item")}
        </label>
        <select id="outage-kind" name="kind" className="field-input" defaultValue={values.kind ?? ""} aria-invalid={errors.kind ? true : undefined} aria-describedby={errors.kind ? "outage-kind-error" : undefined}>
          <option value="">{t("chooseItem")}</option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind_${kind}`)}
            </option>
          ))}
        </select>
        <FieldError id="outage-kind-error" text={errors.kind ? te(errors.kind) : undefined} />
      </div>
      <label className="block" htmlFor="outage-reason">
        <span className="text-sm font-medium text-slate-700">{t("reason")}</span>
        <textarea id="outage-reason" name="reason" rows={2} maxLength={500} className="field-input" defaultValue={values.reason ?? ""} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? "outage-reason-error" : undefined} />
        <FieldError id="outage-reason-error" text={errors.reason ? te(errors.reason) : undefined} />
      </label>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("report")}
      </button>
      {state.ok && (
        <span role="status" className="ms-3 text-sm text-brand-700">
          {t("reported")}
        </span>
      )}
    </form>
  );
}
