import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { clinicianPresence, presenceEvents, type ClinicianStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { clinicianStatuses } from "@/lib/vocabulary";
import { requireClinician } from "./consultation-change";
import { signalQueue } from "./signal";
import { clinicianQueueKeys } from "./snapshot";

// The clinician's side of presence, beside the patient's (./presence.ts). It stays in the queue
// domain because routing reads it (./hosting.ts sends patients only to online clinicians) and a
// change must reach the queues it affects; a presence domain of its own would import the queue
// while the queue reads its table back.

/** A clinician's own status; absent means away. */
export async function getClinicianStatus(clinicianId: string): Promise<ClinicianStatus> {
  const [row] = await db().select({ status: clinicianPresence.status }).from(clinicianPresence).where(eq(clinicianPresence.userId, clinicianId));
  return row?.status ?? "away";
}

/**
 * A clinician sets themselves online, busy or away. Each change is logged for attendance, and
 * the patients in their queues see their estimates change.
 */
export async function setClinicianStatus(actor: Actor, status: string): Promise<ClinicianStatus> {
  requireClinician(actor);
  const parsed = z.enum(clinicianStatuses).safeParse(status);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", { status: "status_required" });
  const next = parsed.data;
  const { keys } = await clinicianQueueKeys(actor.id);
  await db().transaction(async (tx) => {
    const [current] = await tx.select({ status: clinicianPresence.status }).from(clinicianPresence).where(eq(clinicianPresence.userId, actor.id)).for("update");
    if ((current?.status ?? "away") === next) return;
    await tx
      .insert(clinicianPresence)
      .values({ userId: actor.id, status: next })
      .onConflictDoUpdate({ target: clinicianPresence.userId, set: { status: next, changedAt: sql`now()` } });
    await tx.insert(presenceEvents).values({ kind: `clinician_${next}`, userId: actor.id });
    await signalQueue(tx, { keys });
  });
  return next;
}
