"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { publicFormAction, text } from "@/app/_components/form-action";
import { currentActor } from "@/lib/auth/actor";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requestOtp } from "@/lib/auth/otp";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import { lookupComplaint, type ComplaintStatusView } from "@/lib/complaints/lookup";
import { formatTrackingNumber } from "@/lib/complaints/tracking-number";
import type { FormState } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";

export type ComplaintFormState = FormState & { step?: "phone" | "details" | "filed"; trackingNumber?: string };

const locale = async (): Promise<Locale> => {
  const current = await getLocale();
  return isLocale(current) ? current : "ur";
};

/** Step one for a caller who is not signed in: the code goes to the phone they give. */
export async function sendComplaintCodeAction(_prev: ComplaintFormState, formData: FormData): Promise<ComplaintFormState> {
  const state = await publicFormAction(formData, {
    input: z.object({ phone: text }),
    run: async ({ phone }) => requestOtp(phone, await locale(), clientAddressFrom(await headers())),
    done: (_sent, values): ComplaintFormState => ({ ok: true, step: "details", values }),
  });
  return state.ok ? state : { ...state, step: "phone" };
}

const complaintFields = z.object({ phone: text, code: text, category: text, facilityId: text, encounterId: text, description: text });

/** Step two: the complaint itself, with the code (or the signed-in account's own number). */
export async function fileComplaintAction(_prev: ComplaintFormState, formData: FormData): Promise<ComplaintFormState> {
  const state = await publicFormAction(formData, {
    input: complaintFields,
    run: async (input) => fileComplaint(input, { actor: await currentActor(), clientAddress: clientAddressFrom(await headers()), locale: await locale() }),
    done: (filed): ComplaintFormState => ({ ok: true, step: "filed", trackingNumber: formatTrackingNumber(filed.trackingNumber) }),
  });
  return state.ok ? state : { ...state, step: "details" };
}

export type StatusState = FormState & { result?: ComplaintStatusView | null };

/** The complainant looks the complaint up by tracking number and phone. */
export async function lookupAction(_prev: StatusState, formData: FormData): Promise<StatusState> {
  let found: ComplaintStatusView | null = null;
  return publicFormAction(formData, {
    input: z.object({ trackingNumber: text, phone: text }),
    run: async ({ trackingNumber, phone }) => {
      found = await lookupComplaint(trackingNumber, phone, clientAddressFrom(await headers()));
    },
    done: (_result, values): StatusState => ({ ok: true, result: found, values }),
  });
}
