"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { AppError, type FormState } from "@/lib/errors";
import { checkIn } from "@/lib/queue/check-in";

export async function checkInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["patient"]);
  let consultationId: string;
  try {
    ({ consultationId } = await checkIn(actor, String(formData.get("appointmentId") ?? "")));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  redirect(`/waiting/${consultationId}`);
}
