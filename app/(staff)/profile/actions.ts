"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { setClinicianProfile, type ClinicianProfileInput } from "@/lib/booking/clinicians";
import { formStateFrom, formValues, type FormState } from "@/lib/errors";

/** Saves the signed-in clinician's own profile. */
export async function saveProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["doctor", "specialist"]);
  const languages = formData.getAll("languages").map(String);
  // Checkboxes post one value each; they travel back joined so a refused form keeps them ticked.
  const values: Record<string, string> = {
    ...formValues(formData, ["sex", "specialtyCode", "facilityId", "slotMinutes"]),
    languages: languages.join(","),
  };
  try {
    await setClinicianProfile(actor, actor.id, {
      // The lib validates these; the casts only name what a well-formed form posts.
      sex: (values.sex || undefined) as ClinicianProfileInput["sex"],
      specialtyCode: values.specialtyCode ?? "",
      languages: languages as ClinicianProfileInput["languages"],
      facilityId: values.facilityId || null,
      slotMinutes: values.slotMinutes?.trim() ? Number(values.slotMinutes) : null,
    });
  } catch (error) {
    return formStateFrom(error, values);
  }
  revalidatePath("/profile");
  // New sessions start with the slot length the profile implies.
  revalidatePath("/availability");
  return { ok: true };
}
