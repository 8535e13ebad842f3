"use client";

import Link from "next/link";
import { availabilityExceptionKinds } from "@/lib/vocabulary";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { ClinicTime } from "@/app/_components/clinic-time";
import { Field, FormMessage, SelectField } from "@/app/_components/field";
import type { FormState } from "@/lib/errors";
import {
  addExceptionAction,
  addSessionAction,
  cancelAffectedBookingAction,
  removeExceptionAction,
  removeSessionAction,
  type AffectedBookingView,
  type AvailabilityFormState,
} from "./actions";

const initial = {} as AvailabilityFormState;

/** A facility a session may be held at, labelled for the select. */
export type FacilityOption = { value: string; label: string };

/**
 * Adds a session (start, end, slot length, optionally the facility) to one weekday. The slot
 * length starts at the clinician's usual one, so most sessions need no typing there.
 */
export function AddSessionForm({
  weekday,
  dayName,
  defaultSlotMinutes,
  facilities,
}: {
  weekday: number;
  dayName: string;
  defaultSlotMinutes: number;
  facilities: FacilityOption[];
}) {
  const t = useTranslations("availability");
  const formId = useId();
  const [state, action, pending] = useActionState(addSessionAction.bind(null, weekday), initial);
  const values = state.values ?? {};
  return (
    <>
      <form id={formId} action={action} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-label={t("addSessionTo", { day: dayName })}>
        <Field label={t("start")} name="startTime" type="time" required defaultValue={values.startTime ?? "09:00"} error={state.fieldErrors?.startTime} id={`${formId}-start`} />
        <Field
          label={t("end")}
          name="endTime"
          type="time"
          required
          defaultValue={values.endTime ?? "13:00"}
          error={state.fieldErrors?.endTime}
          hint={t("endTimeHint")}
          id={`${formId}-end`}
        />
        <Field
          label={t("slotMinutes")}
          name="slotMinutes"
          type="number"
          min={5}
          max={240}
          required
          defaultValue={values.slotMinutes ?? String(defaultSlotMinutes)}
          error={state.fieldErrors?.slotMinutes}
          id={`${formId}-slot`}
        />
        <SelectField
          id={`${formId}-facility`}
          label={t("facility")}
          name="facilityId"
          options={facilities}
          empty={{ label: t("noFacility"), selectable: true }}
          defaultValue={values.facilityId}
          error={state.fieldErrors?.facilityId}
        />
        <button type="submit" className="btn-secondary" disabled={pending}>
          {t("addSession")}
        </button>
      </form>
      <FormMessage messageKey={state.affected ? undefined : state.message} />
      <AffectedBookings state={state} formId={formId} />
    </>
  );
}

/** One button that removes a weekly session or an exception, with the orphan list if refused. */
export function RemoveButton({ kind, id, label }: { kind: "session" | "exception"; id: string; label: string }) {
  const t = useTranslations("availability");
  const formId = useId();
  const remove = kind === "session" ? removeSessionAction : removeExceptionAction;
  const [state, action, pending] = useActionState(remove.bind(null, id), initial);
  return (
    <div className="space-y-2">
      <form id={formId} action={action}>
        <button type="submit" className="text-sm font-semibold text-red-800 underline" disabled={pending} aria-label={label}>
          {t("remove")}
        </button>
      </form>
      <FormMessage messageKey={state.affected ? undefined : state.message} />
      <AffectedBookings state={state} formId={formId} />
    </div>
  );
}

/** Leave (or a public holiday) or an extra clinic, with dates and times in Karachi time. */
export function ExceptionForm({ defaultSlotMinutes }: { defaultSlotMinutes: number }) {
  const t = useTranslations("availability");
  const formId = useId();
  const [state, action, pending] = useActionState(addExceptionAction, initial);
  const values = state.values ?? {};
  const [kind, setKind] = useState(values.kind || "leave");
  return (
    <>
      <form id={formId} action={action} className="space-y-3">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("kind")}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {availabilityExceptionKinds.map((option) => (
              <label key={option} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
                {t(`kind_${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("startDate")} name="startDate" type="date" required defaultValue={values.startDate} id={`${formId}-sd`} />
          <Field label={t("startTime")} name="startTime" type="time" required defaultValue={values.startTime ?? "00:00"} error={state.fieldErrors?.startTime} id={`${formId}-st`} />
          <Field label={t("endDate")} name="endDate" type="date" required defaultValue={values.endDate} id={`${formId}-ed`} />
          <Field label={t("endTime")} name="endTime" type="time" required defaultValue={values.endTime ?? "23:59"} error={state.fieldErrors?.endTime} id={`${formId}-et`} />
        </div>
        {kind === "extra" && (
          <Field
            label={t("slotMinutes")}
            name="slotMinutes"
            type="number"
            min={5}
            max={240}
            required
            defaultValue={values.slotMinutes ?? String(defaultSlotMinutes)}
            error={state.fieldErrors?.slotMinutes}
            id={`${formId}-slot`}
          />
        )}
        <Field label={t("note")} name="note" maxLength={200} defaultValue={values.note} error={state.fieldErrors?.note} id={`${formId}-note`} />
        <FormMessage messageKey={state.affected ? undefined : state.message} />
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("addException")}
        </button>
      </form>
      <AffectedBookings state={state} formId={formId} />
    </>
  );
}

/**
 * The bookings a refused change would orphan, each with "Cancel and notify", and a "Save
 * again" button that resubmits the original form. It lives outside that form (forms cannot
 * nest), so the button names the form by id.
 */
function AffectedBookings({ state, formId }: { state: AvailabilityFormState; formId: string }) {
  const t = useTranslations("availability");
  if (!state.affected || state.affected.length === 0) return null;
  return (
    <section role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-3">
      <h3 className="font-semibold">{t("affectedTitle")}</h3>
      <p className="text-sm text-slate-700">{t("affectedHelp")}</p>
      <ul className="divide-y divide-amber-200">
        {state.affected.map((booking) => (
          <AffectedBooking key={booking.id} booking={booking} />
        ))}
      </ul>
      <button type="submit" form={formId} className="btn-primary">
        {t("saveAgain")}
      </button>
    </section>
  );
}

function AffectedBooking({ booking }: { booking: AffectedBookingView }) {
  const t = useTranslations("availability");
  const tb = useTranslations("staffBooking");
  const [state, action, pending] = useActionState(cancelAffectedBookingAction.bind(null, booking.id), {} as FormState);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span>
        <span className="block font-medium">{booking.patientName}</span>
        <span className="text-sm">
          <ClinicTime value={booking.startsAt} />
        </span>
      </span>
      {state.ok ? (
        <span className="text-sm text-brand-700">{t("cancelledNotified")}</span>
      ) : (
        <form action={action} className="flex flex-wrap items-start gap-2">
          <Link href={`/appointments/${booking.id}/move`} className="btn-secondary">
            {tb("move")}
          </Link>
          <button
            type="submit"
            className="btn-secondary border-red-300 text-red-800"
            disabled={pending}
            aria-label={t("cancelAndNotifyFor", { name: booking.patientName })}
          >
            {t("cancelAndNotify")}
          </button>
          <FormMessage messageKey={state.message} />
        </form>
      )}
    </li>
  );
}
