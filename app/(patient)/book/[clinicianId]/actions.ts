"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { formStateFrom, formValues, type FormState } from "@/lib/errors";

const fields = ["patientId", "clinicianId", "slot", "idempotencyKey"] as const;

export async function bookSlotAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["patient"]);
  const values = formValues(formData, fields);
  const [startsAt = "", endsAt = ""] = (values.slot ?? "").split("/");
  try {
    // Whether this account may book for the chosen patient is bookAppointment's to decide.
    await bookAppointment(actor, {
      patientId: values.patientId ?? "",
      clinicianId: values.clinicianId ?? "",
      startsAt,
      endsAt,
      idempotencyKey: values.idempotencyKey || undefined,
    });
  } catch (error) {
    return formStateFrom(error, values);
  }
  redirect("/appointments?booked=1");
}
