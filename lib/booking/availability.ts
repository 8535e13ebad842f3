import { and, eq, exists, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { availabilityRules, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { validateWeeklyRule, type WeeklyRule } from "./slots";

/** The weekly rules of one clinician, in clinic local time. */
export async function getWeeklyRules(clinicianId: string): Promise<WeeklyRule[]> {
  return db()
    .select({
      weekday: availabilityRules.weekday,
      startMinute: availabilityRules.startMinute,
      endMinute: availabilityRules.endMinute,
      slotMinutes: availabilityRules.slotMinutes,
    })
    .from(availabilityRules)
    .where(eq(availabilityRules.clinicianId, clinicianId));
}

/**
 * Replaces a clinician's weekly availability. Only the clinician or an admin may. (Issue 3
 * adds the check for bookings a change would orphan.)
 */
export async function setWeeklyAvailability(actor: Actor, clinicianId: string, rules: WeeklyRule[]): Promise<void> {
  if (actor.id !== clinicianId && actor.role !== "admin") throw new AppError("not_found", "not_found");
  for (const rule of rules) {
    const problem = validateWeeklyRule(rule);
    if (problem) throw new AppError("invalid", `availability_${problem}`);
  }
  await db().transaction(async (tx) => {
    const [clinician] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, clinicianId), inArray(users.role, [...clinicianRoles])));
    if (!clinician) throw new AppError("not_found", "not_found");
    await tx.delete(availabilityRules).where(eq(availabilityRules.clinicianId, clinicianId));
    if (rules.length > 0) {
      await tx.insert(availabilityRules).values(rules.map((rule) => ({ ...rule, clinicianId })));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "availability.set",
      entityType: "clinician",
      entityId: clinicianId,
      details: { rules: rules.length },
    });
  });
}

export type BookableClinician = { id: string; name: string; role: "doctor" | "specialist" };

/** Active doctors and specialists who have any weekly availability. */
export async function listBookableClinicians(): Promise<BookableClinician[]> {
  const rows = await db()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.role, [...clinicianRoles]),
        isNull(users.disabledAt),
        exists(db().select().from(availabilityRules).where(eq(availabilityRules.clinicianId, users.id))),
      ),
    )
    .orderBy(users.name);
  return rows as BookableClinician[];
}
