"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { seeDoctorNow } from "@/lib/queue/on-call";

export async function seeDoctorNowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["patient"],
    input: z.object({ patientId: text, need: text }),
    run: (actor, input) => seeDoctorNow(actor, input),
    done: ({ requestId }) => redirect(`/now/${requestId}`),
  });
}
