"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { homeFor } from "@/app/_components/home-for";
import { requireActor } from "@/lib/auth/actor";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { formStateFrom, formValues, type FormState } from "@/lib/errors";

const fields = ["patientId", "clinicianId", "slot", "idempotencyKey"] as const;

/**
 * Books the tapped slot. `slot` is "startsAt/endsAt" on a clinician's page; the find-care list
 * offers several clinicians in one form (so that "for whom?" is chosen once above them all), and
 * there each button carries its clinician too: "clinicianId/startsAt/endsAt".
 */
export async function bookSlotAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // Patients book for their household, clinic staff for anyone; bookAppointment decides which.
  const actor = await requireActor();
  const values = formValues(formData, fields);
  const parts = (values.slot ?? "").split("/");
  const [clinicianId = "", startsAt = "", endsAt = ""] = parts.length === 3 ? parts : [values.clinicianId ?? "", ...parts];
  try {
    // Whether this account may book for the chosen patient is bookAppointment's to decide.
    await bookAppointment(actor, {
      patientId: values.patientId ?? "",
      clinicianId,
      startsAt,
      endsAt,
      idempotencyKey: values.idempotencyKey || undefined,
    });
  } catch (error) {
    const state = formStateFrom(error, values);
    // The times on screen are stale once one was taken or has passed: show the current ones.
    refresh();
    return state;
  }
  redirect(`${homeFor(actor.role)}?booked=1`);
}
