import { and, asc, desc, eq, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { complaints, districts, facilities, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf, withinScope } from "@/lib/district/scope";

export type ComplaintView = "open" | "overdue" | "mine" | "resolved";
export const complaintViews: readonly ComplaintView[] = ["open", "overdue", "mine", "resolved"];

/**
 * The district office's complaints: open ones (overdue first, then by due time), only the
 * overdue, those given to the officer, or the last resolved — scoped to the admin's district.
 */
export async function listComplaints(actor: Actor, view: ComplaintView, now = new Date()) {
  const scope = await districtScopeOf(actor);
  const officer = alias(users, "officer");
  const open = ne(complaints.status, "resolved");
  const condition = {
    open,
    overdue: and(open, lte(complaints.dueAt, now)),
    mine: and(open, eq(complaints.assignedTo, actor.id)),
    resolved: eq(complaints.status, "resolved"),
  }[view];
  return db()
    .select({
      id: complaints.id,
      trackingNumber: complaints.trackingNumber,
      category: complaints.category,
      status: complaints.status,
      escalationLevel: complaints.escalationLevel,
      filedAt: complaints.filedAt,
      dueAt: complaints.dueAt,
      resolvedAt: complaints.resolvedAt,
      overdue: sql<boolean>`${complaints.status} <> 'resolved' and ${complaints.dueAt} <= ${now.toISOString()}::timestamptz`,
      facilityName: facilities.name,
      districtName: districts.nameEn,
      officerName: officer.name,
    })
    .from(complaints)
    .innerJoin(facilities, eq(facilities.id, complaints.facilityId))
    .innerJoin(districts, eq(districts.id, facilities.districtId))
    .leftJoin(officer, eq(officer.id, complaints.assignedTo))
    .where(and(condition, withinScope(scope, facilities.districtId)))
    .orderBy(...(view === "resolved" ? [desc(complaints.resolvedAt)] : [asc(complaints.dueAt)]))
    .limit(200);
}

/** Open and overdue complaints in the scope, for the headline counts. */
export async function complaintCounts(actor: Actor, now = new Date()) {
  const scope = await districtScopeOf(actor);
  const [row] = await db()
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${complaints.dueAt} <= ${now.toISOString()}::timestamptz))::int`,
      unassigned: sql<number>`(count(*) filter (where ${complaints.assignedTo} is null))::int`,
    })
    .from(complaints)
    .innerJoin(facilities, eq(facilities.id, complaints.facilityId))
    .where(and(ne(complaints.status, "resolved"), withinScope(scope, facilities.districtId)));
  return row ?? { open: 0, overdue: 0, unassigned: 0 };
}

