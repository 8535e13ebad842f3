"use server";

import { z } from "zod";
import { formAction } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { withdrawFromQueue } from "@/lib/queue/withdraw";

/** The patient leaves the queue; the page then shows that they have left. */
export async function leaveQueueAction(consultationId: string, _prev: FormState, formData?: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["patient"],
    input: z.object({}),
    run: (actor) => withdrawFromQueue(actor, consultationId),
  });
}
