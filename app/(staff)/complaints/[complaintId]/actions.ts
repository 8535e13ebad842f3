"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { assignComplaint } from "@/lib/complaints/assign";
import { markInProgress } from "@/lib/complaints/progress";
import { resolveComplaint } from "@/lib/complaints/resolve";
import type { FormState } from "@/lib/errors";

const done = (complaintId: string) => () => {
  revalidatePath(`/complaints/${complaintId}`);
  return { ok: true };
};

export async function assignAction(complaintId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { roles: ["admin"], input: z.object({ officerId: text }), run: (actor, input) => assignComplaint(actor, complaintId, input), done: done(complaintId) });
}

export async function progressAction(complaintId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { roles: ["admin"], input: z.object({ note: text }), run: (actor, input) => markInProgress(actor, complaintId, input), done: done(complaintId) });
}

export async function resolveAction(complaintId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { roles: ["admin"], input: z.object({ resolution: text }), run: (actor, input) => resolveComplaint(actor, complaintId, input), done: done(complaintId) });
}
