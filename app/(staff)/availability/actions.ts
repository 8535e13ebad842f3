"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, nullableText, text } from "@/app/_components/form-action";
import { clinicianRoles } from "@/lib/auth/roles";
import { addAvailabilityException, removeAvailabilityException } from "@/lib/booking/availability-exceptions";
import { addWeeklySession, removeWeeklySession } from "@/lib/booking/weekly-sessions";
import { cancelAppointment } from "@/lib/booking/change-appointment";
import { clinicLocalInstant, clockMinutes } from "@/lib/booking/slots";
import { AppError, isAppError, type FormState } from "@/lib/errors";

/** A booking the refused change would have orphaned, as the form shows it. */
export type AffectedBookingView = { id: string; patientName: string; startsAt: string };
/** Form state plus, when a save was refused, the bookings that stand in its way. */
export type AvailabilityFormState = FormState & { affected?: AffectedBookingView[] };

/** A refusal for orphaned bookings carries the bookings, so the form can offer to cancel them. */
function orphansRefusal(error: unknown, values: Record<string, string>): AvailabilityFormState | undefined {
  if (!isAppError(error, "availability_orphans")) return undefined;
  return {
    ok: false,
    message: error.messageKey,
    values,
    affected: error.details.bookings.map(({ id, patientName, startsAt }) => ({ id, patientName, startsAt })),
  };
}

function saved(): AvailabilityFormState {
  revalidatePath("/availability");
  return { ok: true };
}

const minuteOfDay = z.number({ error: "availability_time_invalid" });

const sessionForm = z.object({
  startTime: text.transform(clockMinutes).pipe(minuteOfDay),
  // A time box cannot show 24:00, so "00:00" as an end means midnight at the end of the day.
  endTime: text.transform((value) => (value === "00:00" ? 1440 : clockMinutes(value))).pipe(minuteOfDay),
  slotMinutes: text.transform(Number),
  facilityId: nullableText,
});

/** Adds a session to one weekday of the signed-in clinician's week. */
export async function addSessionAction(weekday: number, _prev: AvailabilityFormState, formData: FormData): Promise<AvailabilityFormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: sessionForm,
    fieldNames: { startMinute: "startTime", endMinute: "endTime" },
    run: (actor, input) =>
      addWeeklySession(actor, actor.id, { weekday, startMinute: input.startTime, endMinute: input.endTime, slotMinutes: input.slotMinutes, facilityId: input.facilityId }),
    refused: orphansRefusal,
    done: saved,
  });
}

/** Removes one weekly session; refused while it carries bookings. */
export async function removeSessionAction(ruleId: string, _prev: AvailabilityFormState, formData?: FormData): Promise<AvailabilityFormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => removeWeeklySession(actor, actor.id, ruleId),
    refused: orphansRefusal,
    done: saved,
  });
}

const exceptionForm = z.object({ kind: text, startDate: text, startTime: text, endDate: text, endTime: text, slotMinutes: text, note: nullableText });

/** Adds leave (or a public holiday) or an extra clinic, typed as Karachi dates and times. */
export async function addExceptionAction(_prev: AvailabilityFormState, formData: FormData): Promise<AvailabilityFormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: exceptionForm,
    fieldNames: { startsAt: "startTime", endsAt: "endTime" },
    run: (actor, input) => {
      const startsAt = clinicLocalInstant(input.startDate, input.startTime);
      const endsAt = clinicLocalInstant(input.endDate, input.endTime);
      if (!startsAt || !endsAt) {
        throw new AppError("invalid", "form_invalid", {
          ...(startsAt ? {} : { startTime: "exception_time_invalid" }),
          ...(endsAt ? {} : { endTime: "exception_time_invalid" }),
        });
      }
      return addAvailabilityException(actor, actor.id, {
        kind: input.kind,
        startsAt,
        endsAt,
        // A leave form still posts the (hidden) length box; only an extra clinic has slots.
        slotMinutes: input.kind === "extra" && input.slotMinutes ? Number(input.slotMinutes) : null,
        note: input.note,
      });
    },
    refused: orphansRefusal,
    done: saved,
  });
}

/** Removes an exception; taking back an extra clinic is refused while it carries bookings. */
export async function removeExceptionAction(exceptionId: string, _prev: AvailabilityFormState, formData?: FormData): Promise<AvailabilityFormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => removeAvailabilityException(actor, actor.id, exceptionId),
    refused: orphansRefusal,
    done: saved,
  });
}

/** Cancels a booking that stands in the way of a change; cancelAppointment texts the patient. */
export async function cancelAffectedBookingAction(appointmentId: string, _prev: FormState, formData?: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => cancelAppointment(actor, appointmentId, { reason: "clinic_request" }),
    done: () => {
      revalidatePath("/queue");
      return { ok: true };
    },
  });
}
