"use server";

import { clinicianRoles } from "@/lib/auth/roles";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checked, formAction, nullableText, text } from "@/app/_components/form-action";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import type { FormState } from "@/lib/errors";

const profileForm = z.object({
  sex: text,
  specialtyCode: text,
  // Checkboxes post one value each; they travel back joined so a refused form keeps them ticked.
  languages: checked,
  facilityId: nullableText,
  slotMinutes: text.transform((value) => (value.trim() ? Number(value) : null)),
});

/** Saves the signed-in clinician's own profile. */
export async function saveProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: profileForm,
    run: (actor, input) => setClinicianProfile(actor, actor.id, input),
    done: () => {
      revalidatePath("/profile");
      // New sessions start with the slot length the profile implies.
      revalidatePath("/availability");
      return { ok: true };
    },
  });
}
