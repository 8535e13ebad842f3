import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { dhis2Sends, facilities, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import type { ImportSummary } from "@/lib/dhis2/import-summary";
import { districtScopeOf, withinScope } from "@/lib/district/scope";

/** One row of the send history, as the page shows it. */
export type Dhis2SendEntry = Omit<typeof dhis2Sends.$inferSelect, "summary" | "payload"> & {
  facilityName: string;
  requestedByName: string;
  summary: ImportSummary | null;
};

/** The sends of the admin's district (or of one of its facilities), newest first, the last 50. */
export async function listDhis2Sends(actor: Actor, options: { facilityId?: string } = {}): Promise<Dhis2SendEntry[]> {
  const scope = await districtScopeOf(actor);
  const rows = await db()
    .select({ send: dhis2Sends, facilityName: facilities.name, requestedByName: users.name })
    .from(dhis2Sends)
    .innerJoin(facilities, eq(facilities.id, dhis2Sends.facilityId))
    .innerJoin(users, eq(users.id, dhis2Sends.requestedBy))
    .where(and(withinScope(scope, facilities.districtId), options.facilityId ? eq(dhis2Sends.facilityId, options.facilityId) : undefined))
    .orderBy(desc(dhis2Sends.requestedAt), desc(dhis2Sends.id))
    .limit(50);
  return rows.map(({ send: { payload: _payload, summary, ...send }, facilityName, requestedByName }) => ({
    ...send,
    facilityName,
    requestedByName,
    summary: (summary as ImportSummary | null) ?? null,
  }));
}
