import { eq } from "drizzle-orm";
import { db } from "@/db";
import { referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { listOpenReferrals, type OpenReferral } from "./refer";

/**
 * One open referral of a patient, for the page that books it (audited as a read of the
 * patient's open referrals). A referral that is booked, closed, someone else's, or in a record
 * the actor may not open is "not found".
 */
export async function readOpenReferral(actor: Actor, referralId: string): Promise<OpenReferral> {
  if (!isUuid(referralId)) throw notFound();
  const [row] = await db().select({ patientId: referrals.patientId }).from(referrals).where(eq(referrals.id, referralId));
  if (!row) throw notFound();
  const referral = (await listOpenReferrals(actor, row.patientId)).find((open) => open.id === referralId);
  if (!referral) throw notFound();
  return referral;
}
