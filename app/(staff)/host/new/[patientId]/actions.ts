"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { AppError, formStateFrom, formValues, type FormState } from "@/lib/errors";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";
import { hostRoles } from "@/lib/queue/hosting";
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

/** The visit form's state; `openConsultationId` is the patient's visit already in a queue, when this host has it. */
export type VisitFormState = FormState & { openConsultationId?: string };

export async function queueWalkInAction(patientId: string, _prev: VisitFormState, formData: FormData): Promise<VisitFormState> {
  const actor = await requireActor(hostRoles);
  const values = formValues(formData, fields);
  let consultationId: string;
  try {
    ({ consultationId } = await queueWalkIn(actor, { ...values, patientId, triage: values.triage as "routine" }));
  } catch (error) {
    if (error instanceof AppError && error.messageKey === "already_queued") {
      const open = String(error.details.consultationId ?? "");
      const hosting = await findVisibleConsultation(actor, open).then(
        (visit) => visit.viewerRole === "host",
        () => false,
      );
      return { ...formStateFrom(error, values), openConsultationId: hosting ? open : undefined };
    }
    return formStateFrom(error, values);
  }
  redirect(`/host/visits/${consultationId}`);
}
