"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { clinicianRoles } from "@/lib/auth/roles";
import type { FormState } from "@/lib/errors";
import { changeAllergyStatus, recordAllergy } from "@/lib/records/record-allergy";

const allergyForm = z.object({ allergenCode: text, freeText: text, reaction: text, severity: text });

export async function recordAllergyAction(consultationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: allergyForm,
    run: (actor, input) => recordAllergy(actor, consultationId, input),
    done: () => {
      refresh();
      return { ok: true };
    },
  });
}

export async function changeAllergyStatusAction(allergyId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({ status: text }),
    run: (actor, input) => changeAllergyStatus(actor, allergyId, input),
    done: () => {
      refresh();
      return { ok: true };
    },
  });
}
