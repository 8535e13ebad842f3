"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { setFacilityChangeWindow } from "@/lib/booking/change-window";
import { formStateFrom, formValues, type FormState } from "@/lib/errors";

export async function setChangeWindowAction(facilityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["admin"]);
  const values = formValues(formData, ["hours"]);
  try {
    const hours = Number(values.hours);
    await setFacilityChangeWindow(actor, facilityId, { minutes: values.hours === "" || Number.isNaN(hours) ? Number.NaN : Math.round(hours * 60) });
  } catch (error) {
    return formStateFrom(error, values);
  }
  revalidatePath("/facilities");
  return { ok: true, values };
}
