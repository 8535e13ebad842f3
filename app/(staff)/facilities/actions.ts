"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { setFacilityChangeWindow } from "@/lib/booking/change-window";
import { updateFacilityRegistry } from "@/lib/district/update-facility";
import type { FormState } from "@/lib/errors";

export async function setChangeWindowAction(facilityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ hours: text }),
    run: (actor, { hours }) => {
      const value = Number(hours);
      return setFacilityChangeWindow(actor, facilityId, { minutes: hours === "" || Number.isNaN(value) ? Number.NaN : Math.round(value * 60) });
    },
    done: (_result, values) => {
      revalidatePath("/facilities");
      return { ok: true, values };
    },
  });
}

export async function updateRegistryAction(facilityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ dhis2OrgUnitCode: text, latitude: text, longitude: text, tehsilId: text }),
    run: (actor, input) => updateFacilityRegistry(actor, facilityId, input),
    done: (_result, values) => {
      revalidatePath("/facilities");
      return { ok: true, values };
    },
  });
}
