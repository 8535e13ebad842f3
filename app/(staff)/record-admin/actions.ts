"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { reviewBreakGlass } from "@/lib/records/break-glass";
import { mergePatients } from "@/lib/records/merge-patients";

export async function reviewBreakGlassAction(grantId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ note: text }),
    run: (actor, input) => reviewBreakGlass(actor, grantId, input),
    done: () => {
      revalidatePath("/record-admin");
      return { ok: true };
    },
  });
}

export async function mergePatientsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ survivorMrId: text, retiredMrId: text, reason: text }),
    run: (actor, input) => mergePatients(actor, input),
    done: () => ({ ok: true }),
  });
}
