"use server";

import { requireActor } from "@/lib/auth/actor";
import { AppError, type FormState } from "@/lib/errors";
import { withdrawFromQueue } from "@/lib/queue/withdraw";

/** The patient leaves the queue; the page then shows that they have left. */
export async function leaveQueueAction(consultationId: string, _prev: FormState): Promise<FormState> {
  const actor = await requireActor(["patient"]);
  try {
    await withdrawFromQueue(actor, consultationId);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  return { ok: true };
}
