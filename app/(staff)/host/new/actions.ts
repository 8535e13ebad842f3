"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, optionalText, text } from "@/app/_components/form-action";
import { hostRoles } from "@/lib/auth/roles";
import { isAppError, type FormState } from "@/lib/errors";
import { registerWalkIn, type DuplicateMatch } from "@/lib/patients/register-walk-in";

const walkInForm = z.object({ fullName: text, sex: text, dateOfBirth: text, phone: optionalText, cnic: optionalText, confirmNotDuplicate: optionalText });

/** The registration form's state; `matches` are the likely duplicates to offer instead. */
export type RegisterWalkInState = FormState & { matches?: DuplicateMatch[] };

export async function registerWalkInAction(_prev: RegisterWalkInState, formData: FormData): Promise<RegisterWalkInState> {
  return formAction(formData, {
    roles: hostRoles,
    input: walkInForm,
    echo: ["fullName", "sex", "dateOfBirth", "phone", "cnic"],
    run: (actor, input) => registerWalkIn(actor, input),
    refused: (error, values) => (isAppError(error, "likely_duplicate") ? { ok: false, values, matches: error.details.matches } : undefined),
    done: (patient) => redirect(`/host/new/${patient.id}`),
  });
}
