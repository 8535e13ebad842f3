"use server";

import { redirect } from "next/navigation";
import { homeFor } from "@/app/_components/home-for";
import { requireActor } from "@/lib/auth/actor";
import { cancelAppointment, rescheduleAppointment } from "@/lib/booking/change-appointment";
import type { CancelReason } from "@/lib/booking/policy";
import { AppError, formStateFrom, formValues, type FormState } from "@/lib/errors";

export async function cancelAppointmentAction(appointmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["patient"]);
  const values = formValues(formData, ["reason", "note"]);
  try {
    await cancelAppointment(actor, appointmentId, { reason: values.reason as CancelReason, note: values.note || undefined });
  } catch (error) {
    return formStateFrom(error, values);
  }
  redirect("/appointments?cancelled=1");
}

/** The slot picker's action when it is moving an existing booking (a patient's own, or staff's). */
export async function rescheduleAction(appointmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const [startsAt = "", endsAt = ""] = String(formData.get("slot") ?? "").split("/");
  try {
    await rescheduleAppointment(actor, appointmentId, { startsAt, endsAt });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  redirect(`${homeFor(actor.role)}?rescheduled=1`);
}
