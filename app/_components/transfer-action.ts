"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, nullableText, text } from "@/app/_components/form-action";
import { clinicianRoles } from "@/lib/auth/roles";
import type { FormState } from "@/lib/errors";
import { transferConsultation } from "@/lib/queue/transfer";

/** Moves a waiting patient (from the queue page) or the patient in the call to another queue. */
export async function transferAction(consultationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({ target: text, reason: nullableText }),
    run: (actor, input) => transferConsultation(actor, consultationId, input.target, input.reason),
    done: () => redirect("/queue?notice=transferred"),
  });
}
