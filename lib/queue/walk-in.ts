import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { consultations, patients, vitals } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { openEncounter } from "@/lib/encounters/open-encounter";
import { raiseEmergencyReferral } from "@/lib/emergency/raise";
import { hostRoles, type Actor } from "@/lib/auth/roles";
import { clinicToday } from "@/lib/booking/slots";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { formCheckbox, formEnum } from "@/lib/form-fields";
import { triageLevels } from "@/lib/vocabulary";
import { ageInMonths, vitalsInputFor, type VitalsInput } from "@/lib/vitals/ranges";
import { checkTarget, parseTarget, type QueueTarget } from "./queue-target";
import { queueKeyOf, roomNameFor } from "./rules";
import { signalQueue } from "./signal";

const walkInInput = z.object({
  patientId: z.uuid("patient_required"),
  target: z.string({ error: "target_required" }).transform((value, ctx) => {
    const target = parseTarget(value);
    if (!target) ctx.addIssue({ code: "custom", message: "target_required" });
    return target as QueueTarget;
  }),
  triage: formEnum(triageLevels, "triage_required"),
  chiefComplaint: z.string({ error: "complaint_required" }).trim().min(2, "complaint_required").max(500, "complaint_too_long"),
  femaleClinicianRequested: formCheckbox,
  chaperonePresent: formCheckbox,
});

/**
 * The visit form as submitted: the fields above and the vitals (see lib/vitals/ranges), each as
 * the form sends it (checkboxes "on" or absent). Any may be missing: each missing one is answered
 * at its field.
 */
export type WalkInInput = Partial<z.input<typeof walkInInput> & VitalsInput>;

/**
 * Facility staff queue a walk-in for a video consultation they will host: vitals, the chief
 * complaint and a triage level, sent to a clinician's or a specialty's queue. Everything is
 * checked before anything is written; an emergency is queued at the top (and the page tells the
 * staff to refer to hospital now). A patient already waiting or in a call is not queued twice.
 */
export async function queueWalkIn(actor: Actor, input: WalkInInput, now = new Date()): Promise<{ consultationId: string; triage: string }> {
  if (!hostRoles.includes(actor.role)) throw notFound();
  const parsed = walkInInput.safeParse(input);
  const patientId = parsed.success ? parsed.data.patientId : typeof input.patientId === "string" ? input.patientId : "";
  const [patient] = z.uuid().safeParse(patientId).success
    ? await db().select({ id: patients.id, dateOfBirth: patients.dateOfBirth }).from(patients).where(eq(patients.id, patientId))
    : [];
  if (!patient) throw notFound();

  const today = clinicToday(now);
  const vitalsParsed = vitalsInputFor(today, ageInMonths(patient.dateOfBirth, today)).safeParse(input);
  const errors: Record<string, string> = {
    ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
    ...(vitalsParsed.success ? {} : fieldErrorsOf(vitalsParsed.error)),
  };
  if (!parsed.success || !vitalsParsed.success) throw new AppError("invalid", "form_invalid", errors);
  const data = parsed.data;

  return db().transaction(async (tx) => {
    // One open consultation per patient at a time; the lock makes a double submit wait and see the first.
    await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, patient.id)).for("update");
    const [open] = await tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(and(eq(consultations.patientId, patient.id), inArray(consultations.status, ["waiting", "in_call"])));
    if (open) throw new AppError("conflict", "already_queued", {}, { consultationId: open.id });

    const targetErrors = await checkTarget(tx, data.target, data.femaleClinicianRequested);
    if (Object.keys(targetErrors).length > 0) throw new AppError("invalid", "form_invalid", targetErrors);

    const id = crypto.randomUUID();
    const encounterId = await openEncounter(tx, { patientId: patient.id, kind: "hosted_consult", facilityOf: actor.id, createdBy: actor.id, startedAt: now });
    const target = "clinicianId" in data.target ? { clinicianId: data.target.clinicianId } : { specialtyCode: data.target.specialtyCode };
    await tx.insert(consultations).values({
      id,
      patientId: patient.id,
      encounterId,
      ...target,
      roomName: roomNameFor(id),
      triage: data.triage,
      chiefComplaint: data.chiefComplaint,
      femaleClinicianRequested: data.femaleClinicianRequested,
      chaperonePresent: data.chaperonePresent,
      hostedBy: actor.id,
      checkedInAt: now,
      patientSeenAt: now,
    });
    // An emergency is sent to hospital now: the referral the district follows opens with the triage.
    if (data.triage === "emergency") {
      await raiseEmergencyReferral(tx, { consultationId: id, patientId: patient.id, encounterId, raisedBy: actor.id, raisedAt: now });
    }
    const measured = Object.values(vitalsParsed.data).some((v) => v !== null);
    if (measured) await tx.insert(vitals).values({ ...vitalsParsed.data, patientId: patient.id, consultationId: id, recordedBy: actor.id, recordedAt: now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.queue_walk_in",
      entityType: "consultation",
      entityId: id,
      patientId: patient.id,
      details: { triage: data.triage, target, vitals: measured },
    });
    await signalQueue(tx, { keys: [queueKeyOf({ clinicianId: null, specialtyCode: null, ...target })], consultations: [id], hosts: [actor.id] });
    return { consultationId: id, triage: data.triage };
  });
}

declare module "@/lib/errors" {
  interface ErrorDetails {
    /** The patient's visit that is already in a queue. */
    already_queued: { consultationId: string };
  }
}
