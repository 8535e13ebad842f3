"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checked, formAction, text } from "@/app/_components/form-action";
import { endOutage, reportOutage } from "@/lib/district/outages";
import { setFacilityEquipment } from "@/lib/district/set-equipment";
import type { FormState } from "@/lib/errors";

const staff = ["rhu_staff", "doctor", "specialist", "admin"] as const;

export async function setEquipmentAction(facilityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: staff,
    input: z.object({ present: checked }),
    run: (actor, { present }) => setFacilityEquipment(actor, facilityId, present),
    done: () => {
      revalidatePath(`/facilities/${facilityId}/equipment`);
      return { ok: true };
    },
  });
}

export async function reportOutageAction(facilityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: staff,
    input: z.object({ kind: text, reason: text }),
    run: (actor, input) => reportOutage(actor, facilityId, input),
    done: () => {
      revalidatePath(`/facilities/${facilityId}/equipment`);
      return { ok: true };
    },
  });
}

export async function endOutageAction(facilityId: string, outageId: string, _prev: FormState): Promise<FormState> {
  return formAction(undefined, {
    roles: staff,
    input: z.object({}),
    run: (actor) => endOutage(actor, outageId),
    done: () => {
      revalidatePath(`/facilities/${facilityId}/equipment`);
      return { ok: true };
    },
  });
}
