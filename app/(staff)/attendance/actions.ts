"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { recordAttendanceCheck } from "@/lib/staff/check-attendance";

export type CheckState = FormState & { distanceM?: number; withinGeofence?: boolean; kind?: string };

export async function checkAction(_prev: CheckState, formData: FormData): Promise<CheckState> {
  return formAction(formData, {
    roles: ["rhu_staff", "doctor", "specialist"],
    input: z.object({ kind: text, latitude: text, longitude: text, accuracy: text }),
    run: (actor, input) => recordAttendanceCheck(actor, input),
    done: (check): CheckState => {
      revalidatePath("/attendance");
      return { ok: true, distanceM: check.distanceM, withinGeofence: check.withinGeofence, kind: check.kind };
    },
  });
}
