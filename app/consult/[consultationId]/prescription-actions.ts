"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, optionalText, text } from "@/app/_components/form-action";
import { clinicianRoles } from "@/lib/auth/roles";
import { isAppError, type FormState } from "@/lib/errors";
import { formCheckbox } from "@/lib/form-fields";
import { prescribe, type PrescribeInput } from "@/lib/records/prescribe";
import { warningTexts } from "./prescription-warning-text";

/** After a refusal, the warnings at their lines; after success, the new prescription and a fresh key for the next. */
export type PrescribeState = FormState & { warnings?: { item: number; text: string }[]; issuedId?: string; nextKey?: string };

// The lines travel as one JSON field: the form adds and removes them, and each has a list of
// instruction checkboxes, which flat form fields would have to number by hand.
const prescriptionForm = z.object({ items: text, acknowledgeWarnings: formCheckbox, idempotencyKey: optionalText });

function parseItems(json: string): PrescribeInput["items"] {
  try {
    const items: unknown = JSON.parse(json);
    return Array.isArray(items) ? (items as PrescribeInput["items"]) : [];
  } catch {
    return [];
  }
}

export async function prescribeAction(consultationId: string, _prev: PrescribeState, formData: FormData): Promise<PrescribeState> {
  return formAction<typeof prescriptionForm, Awaited<ReturnType<typeof prescribe>>, PrescribeState>(formData, {
    roles: clinicianRoles,
    input: prescriptionForm,
    echo: ["idempotencyKey"],
    run: (actor, input) =>
      prescribe(actor, consultationId, { items: parseItems(input.items), acknowledgeWarnings: input.acknowledgeWarnings, idempotencyKey: input.idempotencyKey }),
    done: (issued) => {
      revalidatePath(`/consult/${consultationId}`);
      return { ok: true, issuedId: issued.id, nextKey: randomUUID() };
    },
    refused: async (error, values) => {
      if (!isAppError(error, "prescription_warnings")) return undefined;
      return { ok: false, message: "prescription_warnings", fieldErrors: error.fieldErrors, warnings: await warningTexts(error.details.warnings), values };
    },
  });
}
