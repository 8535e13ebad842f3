"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { formStateFrom, formValues, isAppError, type FormState } from "@/lib/errors";
import { registerWalkIn, type DuplicateMatch } from "@/lib/patients/register-walk-in";
import { hostRoles } from "@/lib/queue/hosting";

const fields = ["fullName", "sex", "dateOfBirth", "phone", "cnic"] as const;

/** The registration form's state; `matches` are the likely duplicates to offer instead. */
export type RegisterWalkInState = FormState & { matches?: DuplicateMatch[] };

export async function registerWalkInAction(_prev: RegisterWalkInState, formData: FormData): Promise<RegisterWalkInState> {
  const actor = await requireActor(hostRoles);
  const values = formValues(formData, fields);
  let patientId: string;
  try {
    ({ id: patientId } = await registerWalkIn(actor, {
      fullName: values.fullName ?? "",
      sex: values.sex as "female",
      dateOfBirth: values.dateOfBirth ?? "",
      phone: values.phone,
      cnic: values.cnic,
      confirmNotDuplicate: formData.get("confirmNotDuplicate"),
    }));
  } catch (error) {
    if (isAppError(error, "likely_duplicate")) {
      return { ok: false, values, matches: error.details.matches };
    }
    return formStateFrom(error, values);
  }
  redirect(`/host/new/${patientId}`);
}
