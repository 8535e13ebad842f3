"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { AppError, type FormState } from "@/lib/errors";
import { hostRoles } from "@/lib/queue/hosting";
import { withdrawFromQueue } from "@/lib/queue/withdraw";

export async function withdrawAction(consultationId: string, _prev: FormState): Promise<FormState> {
  const actor = await requireActor(hostRoles);
  try {
    await withdrawFromQueue(actor, consultationId);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  revalidatePath(`/host/visits/${consultationId}`);
  return { ok: true };
}
