import { eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { consultations, patients } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { batchLoader } from "@/lib/realtime/batch";
import { accessColumns, roleIn, type ConsultationRole } from "./consultation-access";
import { isUuid } from "@/lib/ids";

const accessRows = batchLoader(async (ids: string[]) => {
  const rows = await db()
    .select(accessColumns)
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .where(inArray(consultations.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
});

/**
 * The viewer's part in a consultation whose live queue stream they open, or null when they may
 * not see it: the same rule as findVisibleConsultation (roleIn). Streams open in storms (every
 * waiting phone reconnects at once after a restart), so the reads of streams opening together
 * are one query.
 */
export async function streamViewerRole(actor: Actor, consultationId: string): Promise<{ id: string; role: ConsultationRole } | null> {
  if (!isUuid(consultationId)) return null;
  const row = await accessRows(consultationId.toLowerCase());
  const role = row ? await roleIn(actor, row) : null;
  return row && role ? { id: row.id, role } : null;
}
