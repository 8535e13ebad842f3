"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { clinicianRoles } from "@/lib/auth/roles";
import type { FormState } from "@/lib/errors";
import { orderLab } from "@/lib/records/order-lab";
import { recordLabResult } from "@/lib/records/record-lab-result";

const orderForm = z.object({ testCode: text, note: text });
const resultForm = z.object({ orderId: text, testCode: text, value: text, takenOn: text });

export async function orderLabAction(consultationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: orderForm,
    run: (actor, input) => orderLab(actor, consultationId, input),
    done: () => {
      refresh();
      return { ok: true };
    },
  });
}

/** `savedAt` tells the form that a result was stored, so that it starts afresh. */
export type LabResultState = FormState & { savedAt?: number };

/** A result, with the photo of the report when one was chosen (the file itself cannot be echoed back). */
export async function recordLabResultAction(consultationId: string, _prev: LabResultState, formData: FormData): Promise<LabResultState> {
  return formAction<typeof resultForm, unknown, LabResultState>(formData, {
    input: resultForm,
    run: async (actor, input, data) => {
      const file = data.get("report");
      const report = file instanceof File && file.size > 0 ? { bytes: new Uint8Array(await file.arrayBuffer()) } : undefined;
      return recordLabResult(actor, consultationId, input, report);
    },
    done: () => {
      refresh();
      return { ok: true, savedAt: Date.now() };
    },
  });
}
