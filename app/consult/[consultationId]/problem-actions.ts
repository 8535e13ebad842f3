"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { clinicianRoles } from "@/lib/auth/roles";
import type { FormState } from "@/lib/errors";
import { recordProblem, resolveProblem } from "@/lib/records/record-problem";

const problemForm = z.object({ code: text, freeText: text, onsetOn: text });

export async function recordProblemAction(consultationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: problemForm,
    run: (actor, input) => recordProblem(actor, consultationId, input),
    done: () => {
      refresh();
      return { ok: true };
    },
  });
}

export async function resolveProblemAction(problemId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({ resolvedOn: text }),
    run: (actor, input) => resolveProblem(actor, problemId, input),
    done: () => {
      refresh();
      return { ok: true };
    },
  });
}
