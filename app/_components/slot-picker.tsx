"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import { ForWhom, type ForWhomOption } from "./for-whom";

export type SlotDay = { label: string; slots: { startsAt: string; endsAt: string; label: string }[] };

/**
 * One form: each slot is a submit button carrying its ISO interval, so booking is a single tap.
 * A household phone first picks "for whom" above the slots; that choice rides along as `patientId`.
 * The page passes the action (booking, or moving one booking), so patients' and staff's pages
 * share the picker without it depending on either.
 */
export function SlotPicker({
  action: submit,
  clinicianId,
  referralId,
  followUpId,
  patients,
  defaultPatientId,
  idempotencyKey,
  moving = false,
  days,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  clinicianId: string;
  /** The referral this booking answers (staff booking from a referral). */
  referralId?: string;
  /** The follow-up this booking is for (staff booking from a positive screening). */
  followUpId?: string;
  patients: ForWhomOption[];
  defaultPatientId: string;
  idempotencyKey: string;
  /** Moving a booking instead of making a new one: the patient is already fixed. */
  moving?: boolean;
  days: SlotDay[];
}) {
  const t = useTranslations("book");
  const [state, action, pending] = useActionState(submit, {} as FormState);
  // React resets the form after every submission; the choice echoed back in the state is what
  // it resets to, so a refused booking (slot just taken) does not quietly switch the next tap
  // back to the account holder.
  const patientId = state.values?.patientId || defaultPatientId;
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="clinicianId" value={clinicianId} />
      {referralId && <input type="hidden" name="referralId" value={referralId} />}
      {followUpId && <input type="hidden" name="followUpId" value={followUpId} />}
      {moving ? (
        <input type="hidden" name="patientId" value={defaultPatientId} />
      ) : (
        <ForWhom patients={patients} checkedId={patientId} />
      )}
      {/* One key per rendering of this page: a double tap or a retried request books once. */}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage messageKey={state.message} />
      {days.length === 0 && <p className="text-slate-600">{t("noSlots")}</p>}
      {days.map((day) => (
        <section key={day.label} className="space-y-2">
          <h2 className="font-semibold">{day.label}</h2>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
            {day.slots.map((slot) => (
              <button
                key={slot.startsAt}
                type="submit"
                name="slot"
                value={`${slot.startsAt}/${slot.endsAt}`}
                className="btn-secondary ltr-nums px-2"
                disabled={pending}
                aria-label={`${t("bookAt")} ${day.label} ${slot.label}`}
              >
                {slot.label}
              </button>
            ))}
          </div>
        </section>
      ))}
    </form>
  );
}
