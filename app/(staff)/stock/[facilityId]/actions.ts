"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { adjustStock } from "@/lib/stock/adjust-stock";
import { receiveStock } from "@/lib/stock/receive-stock";
import { transferStock } from "@/lib/stock/transfer-stock";

const roles = ["rhu_staff", "doctor", "specialist", "admin"] as const;
const done = (facilityId: string) => () => {
  revalidatePath(`/stock/${facilityId}`);
  return { ok: true };
};

export async function receiveAction(facilityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles,
    input: z.object({ medicineCode: text, quantity: text, batch: text, expiresOn: text, note: text }),
    run: (actor, input) => receiveStock(actor, facilityId, input),
    done: done(facilityId),
  });
}

export async function adjustAction(facilityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles,
    input: z.object({ medicineCode: text, direction: text, quantity: text, reason: text, note: text }),
    run: (actor, input) => adjustStock(actor, facilityId, input),
    done: done(facilityId),
  });
}

export async function transferAction(facilityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles,
    input: z.object({ toFacilityId: text, medicineCode: text, quantity: text, note: text }),
    run: (actor, input) => transferStock(actor, facilityId, input),
    done: done(facilityId),
  });
}
