"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { AppError, type FormState } from "@/lib/errors";

export async function bookSlotAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["patient"]);
  const [startsAt = "", endsAt = ""] = String(formData.get("slot") ?? "").split("/");
  try {
    await bookAppointment(actor, {
      patientId: String(formData.get("patientId")),
      clinicianId: String(formData.get("clinicianId")),
      startsAt,
      endsAt,
      idempotencyKey: String(formData.get("idempotencyKey") ?? "") || undefined,
    });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  redirect("/appointments?booked=1");
}
