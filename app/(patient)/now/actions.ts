"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { AppError, type FormState } from "@/lib/errors";
import { seeDoctorNow } from "@/lib/queue/on-call";

export async function seeDoctorNowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["patient"]);
  const values = { patientId: String(formData.get("patientId") ?? ""), need: String(formData.get("need") ?? "") };
  let requestId: string;
  try {
    ({ requestId } = await seeDoctorNow(actor, values));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey, values };
    throw error;
  }
  redirect(`/now/${requestId}`);
}
