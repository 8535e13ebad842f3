"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { formStateFrom, formValues, type FormState } from "@/lib/errors";
import { addDependant, type AddDependantInput } from "@/lib/patients/add-dependant";

const fields = ["fullName", "relation", "sex", "dateOfBirth", "cnic"] as const;

export async function addFamilyMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["patient"]);
  const values = formValues(formData, fields);
  try {
    await addDependant(actor, {
      fullName: values.fullName ?? "",
      relation: values.relation as AddDependantInput["relation"],
      sex: values.sex as AddDependantInput["sex"],
      dateOfBirth: values.dateOfBirth ?? "",
      cnic: values.cnic,
    });
  } catch (error) {
    return formStateFrom(error, values);
  }
  // Re-renders the list above the form in the same response, so the new MR ID shows at once.
  revalidatePath("/family");
  return { ok: true };
}
