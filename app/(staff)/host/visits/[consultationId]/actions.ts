"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/app/_components/form-action";
import { hostRoles } from "@/lib/auth/roles";
import type { FormState } from "@/lib/errors";
import { withdrawFromQueue } from "@/lib/queue/withdraw";

export async function withdrawAction(consultationId: string, _prev: FormState, formData?: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: hostRoles,
    input: z.object({}),
    run: (actor) => withdrawFromQueue(actor, consultationId),
    done: () => {
      revalidatePath(`/host/visits/${consultationId}`);
      return { ok: true };
    },
  });
}
