"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, nullableText, text } from "@/app/_components/form-action";
import type { EnterCallState } from "@/app/_components/enter-call";
import { clinicianRoles } from "@/lib/auth/roles";
import { isAppError, type FormState } from "@/lib/errors";
import { pickUpNextOnCall } from "@/lib/queue/on-call";
import { admitChosen, admitNext, type AdmitOffer } from "@/lib/queue/admit";
import { setClinicianStatus } from "@/lib/queue/clinician-status";

/** An admit refused because the patient is offline carries who is offline and who could go instead. */
export type AdmitState = FormState & EnterCallState & { offline?: AdmitOffer; next?: AdmitOffer | null };

function offlineRefusal(error: unknown, values: Record<string, string>): AdmitState | undefined {
  if (!isAppError(error, "patient_offline")) return undefined;
  const { offline, next } = error.details;
  return { ok: false, message: error.messageKey, offline, next, values };
}

const entered = ({ consultationId }: { consultationId: string }): AdmitState => ({ ok: true, enterCall: consultationId });

export async function admitNextAction(_prev: AdmitState, formData?: FormData): Promise<AdmitState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => admitNext(actor),
    refused: offlineRefusal,
    done: entered,
  });
}

/** Admits the patient of one row (or the one offered instead of an offline patient). */
export async function admitChosenAction(_prev: AdmitState, formData: FormData): Promise<AdmitState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({ consultationId: text, reason: nullableText }),
    run: (actor, input) => admitChosen(actor, input.consultationId, input.reason),
    refused: offlineRefusal,
    done: entered,
  });
}

export async function setStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({ status: text }),
    echo: [],
    run: (actor, input) => setClinicianStatus(actor, input.status),
    done: () => {
      revalidatePath("/queue");
      return { ok: true };
    },
  });
}

export async function pickUpOnCallAction(_prev: FormState & EnterCallState, formData?: FormData): Promise<FormState & EnterCallState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => pickUpNextOnCall(actor),
    done: entered,
  });
}
