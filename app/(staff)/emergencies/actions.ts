"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { updateEmergencyReferral } from "@/lib/emergency/update";
import type { FormState } from "@/lib/errors";

export async function updateEmergencyAction(referralId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["rhu_staff", "admin"],
    input: z.object({
      destinationFacilityId: text,
      destinationName: text,
      transport: text,
      transportCalledAt: text,
      leftAt: text,
      outcome: text,
      outcomeNote: text,
    }),
    run: (actor, input) => updateEmergencyReferral(actor, referralId, input),
    done: (_result, values) => {
      revalidatePath("/emergencies");
      return { ok: true, values };
    },
  });
}
