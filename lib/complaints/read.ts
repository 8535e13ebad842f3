import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { complaintEvents, encounters, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { complaintInScope, officersFor } from "./access";

/**
 * One complaint for the district office: what was said, by which phone, about which facility
 * (and visit), where it stands, its history with who did what, and the officers it can be given to.
 */
export async function readComplaint(actor: Actor, complaintId: string) {
  return db().transaction(async (tx) => {
    const { complaint, districtId, facilityName } = await complaintInScope(tx, actor, complaintId);
    const by = alias(users, "by");
    const officer = alias(users, "officer");
    const [events, officers, assigned, visit] = await Promise.all([
      tx
        .select({ event: complaintEvents, actorName: by.name })
        .from(complaintEvents)
        .leftJoin(by, eq(by.id, complaintEvents.actorId))
        .where(eq(complaintEvents.complaintId, complaint.id))
        .orderBy(asc(complaintEvents.at)),
      officersFor(tx, districtId),
      complaint.assignedTo ? tx.select({ name: officer.name }).from(officer).where(eq(officer.id, complaint.assignedTo)) : Promise.resolve([]),
      complaint.encounterId ? tx.select({ startedAt: encounters.startedAt, kind: encounters.kind }).from(encounters).where(eq(encounters.id, complaint.encounterId)) : Promise.resolve([]),
    ]);
    return { complaint, facilityName, events, officers, officerName: assigned[0]?.name ?? null, visit: visit[0] ?? null };
  });
}
