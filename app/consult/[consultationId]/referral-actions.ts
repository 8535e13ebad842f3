"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { clinicianRoles } from "@/lib/auth/roles";
import type { FormState } from "@/lib/errors";
import { referPatient } from "@/lib/records/refer";

const referralForm = z.object({ specialtyCode: text, facilityId: text, urgency: text, reason: text });

export async function referAction(consultationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: referralForm,
    run: (actor, input) => referPatient(actor, consultationId, input),
    done: () => {
      refresh();
      return { ok: true };
    },
  });
}
