"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { hostRoles } from "@/lib/auth/roles";
import { formStateFrom, isAppError, type FormState } from "@/lib/errors";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";
import { queueWalkIn } from "@/lib/queue/walk-in";

const fields = [
  "systolic",
  "diastolic",
  "pulse",
  "temperatureC",
  "spo2",
  "respiratoryRate",
  "weightKg",
  "heightCm",
  "glucoseMgDl",
  "muacCm",
  "pregnant",
  "lastMenstrualPeriod",
  "chiefComplaint",
  "triage",
  "target",
  "femaleClinicianRequested",
  "chaperonePresent",
] as const;

// Every box of the visit form posts text; queueWalkIn reads the measurements and checks them.
const visitForm = z.object(Object.fromEntries(fields.map((name) => [name, text])) as Record<(typeof fields)[number], typeof text>);

/** The visit form's state; `openConsultationId` is the patient's visit already in a queue, when this host has it. */
export type VisitFormState = FormState & { openConsultationId?: string };

export async function queueWalkInAction(patientId: string, _prev: VisitFormState, formData: FormData): Promise<VisitFormState> {
  return formAction(formData, {
    roles: hostRoles,
    input: visitForm,
    run: (actor, input) => queueWalkIn(actor, { ...input, patientId }),
    refused: async (error, values, actor) => {
      if (!isAppError(error, "already_queued") || !actor) return undefined;
      const open = error.details.consultationId;
      const hosting = await findVisibleConsultation(actor, open).then(
        (visit) => visit.viewerRole === "host",
        () => false,
      );
      return { ...formStateFrom(error, values), openConsultationId: hosting ? open : undefined };
    },
    done: ({ consultationId }) => redirect(`/host/visits/${consultationId}`),
  });
}
