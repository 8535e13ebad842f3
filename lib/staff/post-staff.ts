import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { clinicianProfiles, staffPostings, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { facilityInScope } from "@/lib/district/scope";
import { AppError } from "@/lib/errors";
import { lockStaffFor } from "./access";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An admin posts a member of staff to a facility of their scope from a date: the open posting
 * ends the day before, the new one opens, and the facility on the account (and on a clinician's
 * profile) follows it, so hosting, the queue and the record name the right place.
 */
export async function postStaff(actor: Actor, userId: string, input: { facilityId?: string; startsOn?: string }) {
  return db().transaction(async (tx) => {
    const { scope, staff } = await lockStaffFor(tx, actor, userId);
    const startsOn = input.startsOn ?? "";
    if (!ISO_DATE.test(startsOn) || Number.isNaN(Date.parse(`${startsOn}T00:00:00Z`))) {
      throw new AppError("invalid", "form_invalid", { startsOn: "posting_date_invalid" });
    }
    const facility = await facilityInScope(tx, scope, input.facilityId ?? "").catch(() => {
      throw new AppError("invalid", "form_invalid", { facilityId: "posting_facility_invalid" });
    });
    const [open] = await tx
      .select()
      .from(staffPostings)
      .where(and(eq(staffPostings.userId, staff.id), isNull(staffPostings.endsOn)));
    if (open && open.startsOn >= startsOn) throw new AppError("invalid", "form_invalid", { startsOn: "posting_before_current" });
    if (open) {
      await tx
        .update(staffPostings)
        .set({ endsOn: sql`${startsOn}::date - 1` })
        .where(eq(staffPostings.id, open.id));
    }
    const [posting] = await tx.insert(staffPostings).values({ userId: staff.id, facilityId: facility.id, startsOn, postedBy: actor.id }).returning();
    await tx.update(users).set({ facilityId: facility.id }).where(eq(users.id, staff.id));
    await tx.update(clinicianProfiles).set({ facilityId: facility.id }).where(eq(clinicianProfiles.userId, staff.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.post",
      entityType: "user",
      entityId: staff.id,
      details: { facilityId: facility.id, startsOn, endedPosting: open?.id ?? null },
    });
    return posting!;
  });
}
