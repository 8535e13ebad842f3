import { eq } from "drizzle-orm";
import { db } from "@/db";
import { consultations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { hostsOf, requireClinician, setAppointment } from "./consultation-change";
import { queueKeyOf } from "./rules";
import { signalQueue } from "./signal";
import { loadClinicianQueue, type QueueEntry } from "./snapshot";

/** What the offline refusal offers instead: the next patient who is there. */
export type AdmitOffer = { consultationId: string; patientName: string };

/** Refuses to admit an offline patient, offering the next one who is there instead. */
function offlineConflict(entry: QueueEntry, queue: QueueEntry[]): AppError {
  const next = queue.find((e) => e.place > entry.place && e.online);
  const offer: AdmitOffer | null = next ? { consultationId: next.id, patientName: next.patientName } : null;
  return new AppError("conflict", "patient_offline", {}, { offline: { consultationId: entry.id, patientName: entry.patientName }, next: offer });
}

async function admit(actor: Actor, entry: QueueEntry, details: Record<string, unknown>): Promise<{ consultationId: string }> {
  return db().transaction(async (tx) => {
    // Another clinician may have taken them, or they were passed to another queue, a moment ago.
    const [row] = await tx.select().from(consultations).where(eq(consultations.id, entry.id)).for("update");
    if (!row || row.status !== "waiting" || queueKeyOf(row) !== queueKeyOf(entry)) throw new AppError("conflict", "queue_changed");
    const now = new Date();
    await tx
      .update(consultations)
      .set({ status: "in_call", clinicianId: actor.id, admittedAt: now, firstAdmittedAt: row.firstAdmittedAt ?? now, callDroppedAt: null })
      .where(eq(consultations.id, row.id));
    await setAppointment(tx, row, { status: "in_consultation" });
    await recordAudit(tx, { actorId: actor.id, action: "consultation.admit", entityType: "consultation", entityId: row.id, patientId: row.patientId, details });
    await signalQueue(tx, { keys: [queueKeyOf(row)], consultations: [row.id], hosts: hostsOf(row) });
    return { consultationId: row.id };
  });
}

/** Admits the first patient under the queue rule; if they are offline, offers the next one instead. */
export async function admitNext(actor: Actor): Promise<{ consultationId: string }> {
  requireClinician(actor);
  const queue = await loadClinicianQueue(actor.id);
  const first = queue[0];
  if (!first) throw new AppError("conflict", "queue_empty");
  if (!first.online) throw offlineConflict(first, queue);
  return admit(actor, first, { place: 1, reason: first.reason.kind });
}

/**
 * Admits a chosen patient. Taking someone ahead of a patient who is there needs a reason, which is
 * kept in the audit log; passing over patients who are offline does not.
 */
export async function admitChosen(actor: Actor, consultationId: string, reason: string | null): Promise<{ consultationId: string }> {
  requireClinician(actor);
  const queue = await loadClinicianQueue(actor.id);
  const entry = queue.find((e) => e.id === consultationId);
  if (!entry) throw notFound();
  if (!entry.online) throw offlineConflict(entry, queue);
  const skipped = queue.filter((e) => e.place < entry.place && e.online);
  const why = reason?.trim() ?? "";
  if (skipped.length > 0 && why.length < 3) throw new AppError("invalid", "form_invalid", { reason: "skip_reason_required" });
  return admit(actor, entry, { place: entry.place, skipped: skipped.map((e) => e.id), ...(skipped.length > 0 ? { skipReason: why.slice(0, 500) } : {}) });
}

declare module "@/lib/errors" {
  interface ErrorDetails {
    /** Who is offline, and the next patient who is there to admit instead (null: nobody). */
    patient_offline: { offline: AdmitOffer; next: AdmitOffer | null };
  }
}
