"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { clinicianRoles } from "@/lib/auth/roles";
import type { FormState } from "@/lib/errors";
import { markDiagnosisEnteredInError, recordDiagnosis } from "@/lib/records/record-diagnosis";

const diagnosisForm = z.object({ code: text, freeText: text, certainty: text });

export async function recordDiagnosisAction(consultationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: diagnosisForm,
    run: (actor, input) => recordDiagnosis(actor, consultationId, input),
    done: () => {
      refresh();
      return { ok: true };
    },
  });
}

export async function markDiagnosisErrorAction(consultationId: string, diagnosisId: string, _prev: FormState, formData?: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => markDiagnosisEnteredInError(actor, consultationId, diagnosisId),
    done: () => {
      refresh();
      return { ok: true };
    },
  });
}
