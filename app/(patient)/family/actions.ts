"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, optionalText, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { addDependant } from "@/lib/patients/add-dependant";

const familyMemberForm = z.object({ fullName: text, relation: text, sex: text, dateOfBirth: text, cnic: optionalText });

export async function addFamilyMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["patient"],
    input: familyMemberForm,
    run: (actor, input) => addDependant(actor, input),
    done: () => {
      // Re-renders the list above the form in the same response, so the new MR ID shows at once.
      revalidatePath("/family");
      return { ok: true };
    },
  });
}
