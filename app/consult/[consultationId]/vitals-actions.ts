"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { recordVitals } from "@/lib/records/record-vitals";

const vitalsFields = ["systolic", "diastolic", "pulse", "temperatureC", "spo2", "respiratoryRate", "weightKg", "heightCm", "glucoseMgDl", "muacCm"] as const;
const vitalsForm = z.object(Object.fromEntries(vitalsFields.map((name) => [name, text])) as Record<(typeof vitalsFields)[number], typeof text>);

/** Saved vitals answer with the warnings intake would show (`queue.warning_<code>`). */
export type VitalsFormState = FormState & { warnings?: string[] };

export async function recordVitalsAction(consultationId: string, _prev: VitalsFormState, formData: FormData): Promise<VitalsFormState> {
  return formAction(formData, {
    input: vitalsForm,
    run: (actor, input) => recordVitals(actor, consultationId, input),
    done: ({ warnings }) => {
      refresh();
      return { ok: true, warnings };
    },
  });
}
