"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { enrolProgramme } from "@/lib/records/enrol-programme";
import { gad7Items, phq9Items, preventiveQuestions } from "@/lib/records/programmes";
import { recordScreening, type ScreeningInstrument, type ScreeningOutcome } from "@/lib/records/record-screening";

/** An enrolment answers with the programme and whether the patient was already in it. */
export type EnrolState = FormState & { enrolled?: { programme: string; since: string; created: boolean } };

export async function enrolProgrammeAction(consultationId: string, _prev: EnrolState, formData: FormData): Promise<EnrolState> {
  return formAction(formData, {
    input: z.object({ programme: text, lastMenstrualPeriod: text }),
    run: (actor, input) => enrolProgramme(actor, consultationId, input),
    done: ({ enrolment, created }, values) => {
      revalidatePath(`/consult/${consultationId}`);
      return { ok: true, values, enrolled: { programme: enrolment.programme, since: enrolment.enrolledAt.toISOString(), created } };
    },
  });
}

/** A saved screening answers with its score, band, findings and the follow-ups it booked. */
export type ScreeningState = FormState & { outcome?: ScreeningOutcome };

const fieldsOf: Record<ScreeningInstrument, readonly string[]> = {
  phq9: [...phq9Items, "difficulty"],
  gad7: [...gad7Items, "difficulty"],
  preventive: preventiveQuestions,
};

export async function recordScreeningAction(
  consultationId: string,
  instrument: ScreeningInstrument,
  _prev: ScreeningState,
  formData: FormData,
): Promise<ScreeningState> {
  return formAction(formData, {
    // The instrument comes bound from the page but arrives like any other argument: unchecked.
    input: z.object(Object.fromEntries((Object.hasOwn(fieldsOf, instrument) ? fieldsOf[instrument] : []).map((field) => [field, text]))),
    run: (actor, answers) => recordScreening(actor, consultationId, instrument, answers),
    done: (outcome, values) => {
      revalidatePath(`/consult/${consultationId}`);
      return { ok: true, values, outcome };
    },
  });
}
