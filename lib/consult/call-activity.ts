import type { Actor } from "@/lib/auth/roles";
import { recordActivity } from "@/lib/auth/sessions";
import { notFound } from "@/lib/errors";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";

/**
 * An open call counts as activity: a doctor listening to a patient for a quarter of an hour
 * touches nothing, and must not be signed out mid-consultation. Counts only for the call's
 * clinician or host, and only while the call is open, so a call page left behind after the
 * call does not keep a shared device signed in. Returns when the session now expires, or null
 * when nothing was extended (the call is over, or the session no longer stands).
 */
export async function recordCallActivity(actor: Actor, sessionId: string, consultationId: string, now = new Date()): Promise<Date | null> {
  const consultation = await findVisibleConsultation(actor, consultationId);
  if (consultation.viewerRole !== "clinician" && consultation.viewerRole !== "host") throw notFound();
  if (consultation.status !== "in_call") return null;
  return recordActivity(actor, sessionId, now);
}
