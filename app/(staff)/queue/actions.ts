"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { EnterCallState } from "@/app/_components/enter-call";
import { requireActor } from "@/lib/auth/actor";
import { AppError, formStateFrom, formValues, type FormState } from "@/lib/errors";
import { pickUpNextOnCall } from "@/lib/queue/on-call";
import { admitChosen, admitNext, type AdmitOffer } from "@/lib/queue/admit";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { transferConsultation } from "@/lib/queue/transfer";

const clinician = ["doctor", "specialist"] as const;

type Offer = AdmitOffer;

/** An admit refused because the patient is offline carries who is offline and who could go instead. */
export type AdmitState = FormState & EnterCallState & { offline?: Offer; next?: Offer | null };

function admitRefused(error: unknown, values: Record<string, string> = {}): AdmitState {
  if (error instanceof AppError && error.messageKey === "patient_offline") {
    const { offline, next } = error.details as { offline: Offer; next: Offer | null };
    return { ok: false, message: error.messageKey, offline, next, values };
  }
  return formStateFrom(error, values);
}

export async function admitNextAction(_prev: AdmitState): Promise<AdmitState> {
  const actor = await requireActor(clinician);
  let consultationId: string;
  try {
    ({ consultationId } = await admitNext(actor));
  } catch (error) {
    return admitRefused(error);
  }
  return { ok: true, enterCall: consultationId };
}

/** Admits the patient of one row (or the one offered instead of an offline patient). */
export async function admitChosenAction(_prev: AdmitState, formData: FormData): Promise<AdmitState> {
  const actor = await requireActor(clinician);
  const values = formValues(formData, ["consultationId", "reason"]);
  let consultationId: string;
  try {
    ({ consultationId } = await admitChosen(actor, values.consultationId ?? "", values.reason || null));
  } catch (error) {
    return admitRefused(error, values);
  }
  return { ok: true, enterCall: consultationId };
}

export async function setStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(clinician);
  try {
    await setClinicianStatus(actor, String(formData.get("status") ?? ""));
  } catch (error) {
    return formStateFrom(error, {});
  }
  revalidatePath("/queue");
  return { ok: true };
}

export async function transferAction(consultationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(clinician);
  const values = formValues(formData, ["target", "reason"]);
  try {
    await transferConsultation(actor, consultationId, values.target, values.reason || null);
  } catch (error) {
    return formStateFrom(error, values);
  }
  redirect("/queue?notice=transferred");
}

export async function pickUpOnCallAction(_prev: FormState & EnterCallState): Promise<FormState & EnterCallState> {
  const actor = await requireActor(clinician);
  let consultationId: string;
  try {
    ({ consultationId } = await pickUpNextOnCall(actor));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  return { ok: true, enterCall: consultationId };
}
