"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { bookSlotAction } from "@/app/_components/slot-actions";
import { ForWhom, type ForWhomOption } from "@/app/_components/for-whom";

/** One clinician as the list shows them, already translated and formatted by the page. */
export type CareCardView = {
  id: string;
  name: string;
  specialty: string;
  languages: string | null;
  facility: string | null;
  earliest: { slot: string; label: string } | null;
};

/**
 * The find-care list is one form, so "for whom?" is chosen once above every clinician and
 * "Book earliest" books at once: the button carries the clinician and the slot.
 */
export function FindCareList({
  clinicians,
  patients,
  defaultPatientId,
  idempotencyKey,
}: {
  clinicians: CareCardView[];
  patients: ForWhomOption[];
  defaultPatientId: string;
  idempotencyKey: string;
}) {
  const t = useTranslations("book");
  const [state, action, pending] = useActionState(bookSlotAction, {} as FormState);
  // The form is reset after each submission; keep the household member the user chose.
  const patientId = state.values?.patientId || defaultPatientId;
  return (
    <form action={action} className="space-y-4">
      <ForWhom patients={patients} checkedId={patientId} />
      {/* One key per rendering of this page: a double tap or a retried request books once. */}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage messageKey={state.message} />
      <ul className="space-y-3">
        {clinicians.map((c) => (
          <li key={c.id} className="card space-y-1">
            <h2 className="text-lg font-semibold">{c.name}</h2>
            <p className="font-medium text-brand-900">{c.specialty}</p>
            {c.languages && <p className="text-sm text-slate-600">{c.languages}</p>}
            {c.facility && <p className="text-sm text-slate-600">{c.facility}</p>}
            <p className="pt-1">{c.earliest ? t("earliest", { time: c.earliest.label }) : t("noEarliest")}</p>
            <div className="grid grid-cols-2 gap-2 pt-2">
              {c.earliest && (
                <button
                  type="submit"
                  name="slot"
                  value={`${c.id}/${c.earliest.slot}`}
                  className="btn-primary px-3"
                  disabled={pending}
                  aria-label={t("bookEarliestWith", { name: c.name, time: c.earliest.label })}
                >
                  {t("bookEarliest")}
                </button>
              )}
              <Link
                href={`/book/${c.id}`}
                className={`btn-secondary px-3 ${c.earliest ? "" : "col-span-2"}`}
                aria-label={t("otherTimesWith", { name: c.name })}
              >
                {t("otherTimes")}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </form>
  );
}
