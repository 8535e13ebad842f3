"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { postStaff } from "@/lib/staff/post-staff";
import { setStaffRecord } from "@/lib/staff/set-staff-record";

export async function setStaffRecordAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ cadre: text, registrationNumber: text }),
    run: (actor, input) => setStaffRecord(actor, userId, input),
    done: (_result, values) => {
      revalidatePath("/staff-registry");
      return { ok: true, values };
    },
  });
}

export async function postStaffAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ facilityId: text, startsOn: text }),
    run: (actor, input) => postStaff(actor, userId, input),
    done: (_result, values) => {
      revalidatePath("/staff-registry");
      return { ok: true, values };
    },
  });
}
