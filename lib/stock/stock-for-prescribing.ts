import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { consultations, encounters, facilities } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import { stockFigures } from "./ledger";

export type StockAtSpoke = { facilityName: string; onHand: Record<string, number> };

/**
 * What the facility where the patient is (the spoke hosting the call) has in stock, for the
 * prescribing form of the consultation's clinician: on hand per medicine it keeps. Null when
 * the patient is not at a facility or the facility keeps no stock ledger in Rabta (then the
 * form says nothing rather than "out of stock"), and for anyone but the consultation's clinician.
 */
export async function stockForPrescribing(actor: Actor, consultationId: string, now = new Date()): Promise<StockAtSpoke | null> {
  if (!isUuid(consultationId)) return null;
  const [spoke] = await db()
    .select({ facilityId: facilities.id, facilityName: facilities.name })
    .from(consultations)
    .innerJoin(encounters, eq(encounters.id, consultations.encounterId))
    .innerJoin(facilities, eq(facilities.id, encounters.facilityId))
    .where(and(eq(consultations.id, consultationId), eq(consultations.clinicianId, actor.id)));
  if (!spoke) return null;
  const figures = await stockFigures(db(), spoke.facilityId, now);
  if (figures.length === 0) return null;
  return { facilityName: spoke.facilityName, onHand: Object.fromEntries(figures.map((row) => [row.medicineCode, row.onHand])) };
}
