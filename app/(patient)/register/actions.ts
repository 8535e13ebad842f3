"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, optionalText, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { registerPatient } from "@/lib/patients/register-patient";

const registerForm = z.object({ fullName: text, sex: text, dateOfBirth: text, cnic: optionalText });

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["patient"],
    input: registerForm,
    run: (actor, input) => registerPatient(actor, input),
    done: () => redirect("/appointments?registered=1"),
  });
}
