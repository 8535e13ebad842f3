"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { formStateFrom, formValues, type FormState } from "@/lib/errors";
import { addOnCallShift } from "@/lib/queue/on-call";
import { clinicLocalInstant } from "@/lib/booking/slots";

export async function addShiftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["admin"]);
  const values = formValues(formData, ["clinicianId", "need", "date", "start", "end"]);
  try {
    const startsAt = clinicLocalInstant(values.date ?? "", values.start ?? "");
    let endsAt = clinicLocalInstant(values.date ?? "", values.end ?? "");
    // A night shift ends the next morning.
    if (startsAt && endsAt && endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 24 * 60 * 60_000);
    await addOnCallShift(actor, {
      clinicianId: values.clinicianId ?? "",
      need: values.need as "general",
      startsAt: startsAt ?? "invalid",
      endsAt: endsAt ?? "invalid",
    });
  } catch (error) {
    return formStateFrom(error, values);
  }
  revalidatePath("/on-call");
  return { ok: true };
}
