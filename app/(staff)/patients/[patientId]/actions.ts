"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { breakGlassRoles } from "@/lib/records/access";
import { openBreakGlass } from "@/lib/records/break-glass";

/** Emergency access with a reason and a time limit; then the record opens. */
export async function breakGlassAction(patientId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: breakGlassRoles,
    input: z.object({ reason: text, minutes: text }),
    run: (actor, input) => openBreakGlass(actor, patientId, input),
    done: () => redirect(`/patients/${patientId}`),
  });
}
