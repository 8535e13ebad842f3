"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { AppError, type FormState } from "@/lib/errors";
import { pickUpNextOnCall } from "@/lib/queue/on-call";
import { admitNextPatient } from "@/lib/queue/waiting-room";

export async function admitNextAction(_prev: FormState): Promise<FormState> {
  const actor = await requireActor(["doctor", "specialist"]);
  let consultationId: string;
  try {
    ({ consultationId } = await admitNextPatient(actor));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  redirect(`/consult/${consultationId}`);
}

export async function pickUpOnCallAction(_prev: FormState): Promise<FormState> {
  const actor = await requireActor(["doctor", "specialist"]);
  let consultationId: string;
  try {
    ({ consultationId } = await pickUpNextOnCall(actor));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  redirect(`/consult/${consultationId}`);
}
