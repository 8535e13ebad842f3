"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { addAvailabilityException, removeAvailabilityException } from "@/lib/booking/availability-exceptions";
import { addWeeklySession, removeWeeklySession } from "@/lib/booking/weekly-sessions";
import { cancelAppointment } from "@/lib/booking/change-appointment";
import { clinicLocalInstant, clockMinutes } from "@/lib/booking/slots";
import { AppError, formStateFrom, formValues, type FormState } from "@/lib/errors";

/** A booking the refused change would have orphaned, as the form shows it. */
export type AffectedBookingView = { id: string; patientName: string; startsAt: string };
/** Form state plus, when a save was refused, the bookings that stand in its way. */
export type AvailabilityFormState = FormState & { affected?: AffectedBookingView[] };

const clinicianRoles = ["doctor", "specialist"] as const;

/** Adds a session to one weekday of the signed-in clinician's week. */
export async function addSessionAction(weekday: number, _prev: AvailabilityFormState, formData: FormData): Promise<AvailabilityFormState> {
  const actor = await requireActor(clinicianRoles);
  const values = formValues(formData, ["startTime", "endTime", "slotMinutes", "facilityId"]);
  const startMinute = clockMinutes(values.startTime!);
  // A time box cannot show 24:00, so "00:00" as an end means midnight at the end of the day.
  const endMinute = values.endTime === "00:00" ? 1440 : clockMinutes(values.endTime!);
  const fieldErrors: Record<string, string> = {};
  if (startMinute === null) fieldErrors.startTime = "availability_time_invalid";
  if (endMinute === null) fieldErrors.endTime = "availability_time_invalid";
  if (startMinute === null || endMinute === null) return { ok: false, fieldErrors, values };
  return save(values, { startMinute: "startTime", endMinute: "endTime" }, () =>
    addWeeklySession(actor, actor.id, {
      weekday,
      startMinute,
      endMinute,
      slotMinutes: Number(values.slotMinutes),
      facilityId: values.facilityId || null,
    }),
  );
}

/** Removes one weekly session; refused while it carries bookings. */
export async function removeSessionAction(ruleId: string, _prev: AvailabilityFormState): Promise<AvailabilityFormState> {
  const actor = await requireActor(clinicianRoles);
  return save({}, {}, () => removeWeeklySession(actor, actor.id, ruleId));
}

/** Adds leave (or a public holiday) or an extra clinic, typed as Karachi dates and times. */
export async function addExceptionAction(_prev: AvailabilityFormState, formData: FormData): Promise<AvailabilityFormState> {
  const actor = await requireActor(clinicianRoles);
  const values = formValues(formData, ["kind", "startDate", "startTime", "endDate", "endTime", "slotMinutes", "note"]);
  const startsAt = clinicLocalInstant(values.startDate!, values.startTime!);
  const endsAt = clinicLocalInstant(values.endDate!, values.endTime!);
  const fieldErrors: Record<string, string> = {};
  if (!startsAt) fieldErrors.startTime = "exception_time_invalid";
  if (!endsAt) fieldErrors.endTime = "exception_time_invalid";
  if (!startsAt || !endsAt) return { ok: false, fieldErrors, values };
  return save(values, { startsAt: "startTime", endsAt: "endTime" }, () =>
    addAvailabilityException(actor, actor.id, {
      kind: values.kind as "leave" | "extra",
      startsAt,
      endsAt,
      // A leave form still posts the (hidden) length box; only an extra clinic has slots.
      slotMinutes: values.kind === "extra" && values.slotMinutes ? Number(values.slotMinutes) : null,
      note: values.note || null,
    }),
  );
}

/** Removes an exception; taking back an extra clinic is refused while it carries bookings. */
export async function removeExceptionAction(exceptionId: string, _prev: AvailabilityFormState): Promise<AvailabilityFormState> {
  const actor = await requireActor(clinicianRoles);
  return save({}, {}, () => removeAvailabilityException(actor, actor.id, exceptionId));
}

/** Cancels a booking that stands in the way of a change; cancelAppointment texts the patient. */
export async function cancelAffectedBookingAction(appointmentId: string, _prev: FormState): Promise<FormState> {
  const actor = await requireActor(clinicianRoles);
  try {
    await cancelAppointment(actor, appointmentId, { reason: "clinic_request" });
  } catch (error) {
    return formStateFrom(error, {});
  }
  revalidatePath("/queue");
  return { ok: true };
}

/**
 * Runs a save and turns its outcome into form state: lib field names are renamed to the form's,
 * and a refusal for orphaned bookings carries the bookings so the form can offer to cancel them.
 */
async function save(
  values: Record<string, string>,
  fieldNames: Record<string, string>,
  work: () => Promise<unknown>,
): Promise<AvailabilityFormState> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError && error.messageKey === "availability_orphans") {
      const bookings = (error.details.bookings ?? []) as AffectedBookingView[];
      return {
        ok: false,
        message: error.messageKey,
        values,
        affected: bookings.map(({ id, patientName, startsAt }) => ({ id, patientName, startsAt })),
      };
    }
    const state = formStateFrom(error, values);
    const fieldErrors = Object.fromEntries(
      Object.entries(state.fieldErrors ?? {}).map(([field, key]) => [fieldNames[field] ?? field, key]),
    );
    return { ...state, fieldErrors };
  }
  revalidatePath("/availability");
  return { ok: true };
}
