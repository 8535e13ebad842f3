import { z } from "zod";
import type { Transaction } from "@/db";
import { routableClinicians } from "./hosting";

/** A queue a patient can be sent to: one clinician's, or a specialty's shared one. */
export type QueueTarget = { clinicianId: string } | { specialtyCode: string };

/** The form's single "send to" value: `clinician:<id>` or `specialty:<code>`. */
export function parseTarget(value: unknown): QueueTarget | null {
  if (typeof value !== "string") return null;
  const [kind, id] = value.split(":", 2);
  if (kind === "clinician" && id && z.uuid().safeParse(id).success) return { clinicianId: id };
  if (kind === "specialty" && id && /^[a-z_]{2,40}$/.test(id)) return { specialtyCode: id };
  return null;
}

/**
 * Checks that a target can take the patient now: patients are routed only to clinicians who are
 * online, and one who asked for a female clinician only to female clinicians. Answers the field
 * errors for the form's `target`, empty when the target will do.
 */
export async function checkTarget(tx: Transaction, target: QueueTarget, femaleRequested: boolean): Promise<Record<string, string>> {
  const online = (await routableClinicians(tx)).filter((c) =>
    "clinicianId" in target ? c.id === target.clinicianId : c.code === target.specialtyCode,
  );
  if ("clinicianId" in target) {
    const clinician = online[0];
    if (!clinician) return { target: "clinician_not_online" };
    if (femaleRequested && clinician.sex !== "female") return { target: "female_clinician_mismatch" };
    return {};
  }
  const available = online.filter((c) => !femaleRequested || c.sex === "female");
  return available.length > 0 ? {} : { target: femaleRequested ? "no_female_clinician_online" : "no_clinician_online" };
}
