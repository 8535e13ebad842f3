import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { staffRosterShifts, staffRosters } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { lockStaffFor } from "./access";
import { parseShifts, weeklyHours, type ShiftInput } from "./roster-rules";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An admin sets a member of staff's weekly duty roster from a date: the shifts of each weekday
 * (a blank day is off). A roster for the same date replaces that one; an earlier roster stays in
 * force for the days before. Checked on the locked staff row, audited with the weekly hours.
 */
export async function setRoster(actor: Actor, userId: string, input: { effectiveFrom?: string; days: ShiftInput[] }) {
  return db().transaction(async (tx) => {
    const { staff } = await lockStaffFor(tx, actor, userId);
    const effectiveFrom = input.effectiveFrom ?? "";
    const { shifts, errors } = parseShifts(input.days);
    if (!ISO_DATE.test(effectiveFrom) || Number.isNaN(Date.parse(`${effectiveFrom}T00:00:00Z`))) errors.effectiveFrom = "roster_date_invalid";
    if (Object.keys(errors).length > 0) throw new AppError("invalid", "form_invalid", errors);
    const [replaced] = await tx
      .select({ id: staffRosters.id })
      .from(staffRosters)
      .where(and(eq(staffRosters.userId, staff.id), eq(staffRosters.effectiveFrom, effectiveFrom)));
    if (replaced) {
      await tx.delete(staffRosterShifts).where(eq(staffRosterShifts.rosterId, replaced.id));
      await tx.delete(staffRosters).where(eq(staffRosters.id, replaced.id));
    }
    const [roster] = await tx.insert(staffRosters).values({ userId: staff.id, effectiveFrom, setBy: actor.id }).returning();
    if (shifts.length > 0) await tx.insert(staffRosterShifts).values(shifts.map((shift) => ({ rosterId: roster!.id, ...shift })));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.roster",
      entityType: "user",
      entityId: staff.id,
      details: { effectiveFrom, weeklyHours: weeklyHours(shifts), shifts, replaced: replaced?.id ?? null },
    });
    return { roster: roster!, weeklyHours: weeklyHours(shifts) };
  });
}
