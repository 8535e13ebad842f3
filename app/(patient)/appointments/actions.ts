"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { checkIn } from "@/lib/queue/check-in";

export async function checkInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["patient"],
    input: z.object({ appointmentId: text }),
    echo: [],
    run: (actor, input) => checkIn(actor, input.appointmentId),
    done: ({ consultationId }) => redirect(`/waiting/${consultationId}`),
  });
}
