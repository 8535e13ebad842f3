import { eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { emergencyReferrals, encounters } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

type Raise = { consultationId: string; patientId: string; encounterId: string; raisedBy: string; raisedAt: Date };

/**
 * Opens the emergency referral of a consultation triaged "emergency", inside the triage's own
 * transaction, so that every emergency the facility saw is on the district's list by
 * construction. The facility is the encounter's (the host's facility). Raising twice is a no-op.
 */
export async function raiseEmergencyReferral(tx: Transaction, raise: Raise): Promise<string | null> {
  const [encounter] = await tx.select({ facilityId: encounters.facilityId }).from(encounters).where(eq(encounters.id, raise.encounterId));
  const [row] = await tx
    .insert(emergencyReferrals)
    .values({ ...raise, facilityId: encounter?.facilityId ?? null })
    .onConflictDoNothing({ target: emergencyReferrals.consultationId })
    .returning({ id: emergencyReferrals.id });
  if (!row) return null;
  await recordAudit(tx, {
    actorId: raise.raisedBy,
    action: "emergency_referral.raise",
    entityType: "emergency_referral",
    entityId: row.id,
    patientId: raise.patientId,
    details: { consultationId: raise.consultationId, facilityId: encounter?.facilityId ?? null },
  });
  return row.id;
}
