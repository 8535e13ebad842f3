"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { formStateFrom, formValues, type FormState } from "@/lib/errors";
import { registerPatient } from "@/lib/patients/register-patient";

const fields = ["fullName", "sex", "dateOfBirth", "cnic"] as const;

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["patient"]);
  const values = formValues(formData, fields);
  try {
    await registerPatient(actor, {
      fullName: values.fullName ?? "",
      sex: values.sex as "female",
      dateOfBirth: values.dateOfBirth ?? "",
      cnic: values.cnic,
    });
  } catch (error) {
    return formStateFrom(error, values);
  }
  redirect("/appointments?registered=1");
}
