import { eq } from "drizzle-orm";
import { db } from "@/db";
import { availabilityRules } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { assertFacilitiesExist, getRules, getUpcomingExceptions, lockManageableClinician, type StoredRule } from "./availability-store";
import { refuseOrphans } from "./orphans";
import { sameDaySessionsOverlap, validateWeeklyRule, type WeeklyRule } from "./slots";

/** A weekly rule as the clinician submits it: optionally tied to the facility they work at then. */
export type WeeklyRuleInput = WeeklyRule & { facilityId?: string | null };

/**
 * Replaces a clinician's weekly availability. Only the clinician or an admin may. Refuses with
 * `conflict` "availability_orphans" (the affected appointments in `details`) when a live booking
 * would no longer fall on a bookable slot: the clinician must move or cancel it first.
 */
export async function setWeeklyAvailability(actor: Actor, clinicianId: string, rules: WeeklyRuleInput[]): Promise<void> {
  const parsed = parseRules(rules);
  await saveRules(actor, clinicianId, () => parsed);
}

/**
 * Adds one weekly session (a day may have several; the gaps between them are breaks). Refuses a
 * session overlapping another of the same day, and, like every change, one that orphans a booking.
 */
export async function addWeeklySession(actor: Actor, clinicianId: string, session: WeeklyRuleInput): Promise<void> {
  const [rule] = parseRules([session]);
  await saveRules(actor, clinicianId, (current) => {
    if (current.some((other) => sameDaySessionsOverlap(other, rule!))) {
      throw new AppError("invalid", "form_invalid", { startMinute: "availability_overlap" });
    }
    return [...current, rule!];
  });
}

/** Removes one weekly session by id; refuses if that would orphan a booking. */
export async function removeWeeklySession(actor: Actor, clinicianId: string, ruleId: string): Promise<void> {
  await saveRules(actor, clinicianId, (current) => {
    if (!current.some((rule) => rule.id === ruleId)) throw notFound();
    return current.filter((rule) => rule.id !== ruleId);
  });
}

async function saveRules(
  actor: Actor,
  clinicianId: string,
  change: (current: StoredRule[]) => WeeklyRuleInput[],
): Promise<void> {
  await db().transaction(async (tx) => {
    await lockManageableClinician(tx, actor, clinicianId);
    const rules = change(await getRules(tx, clinicianId)).map((rule) => ({
      weekday: rule.weekday,
      startMinute: rule.startMinute,
      endMinute: rule.endMinute,
      slotMinutes: rule.slotMinutes,
      facilityId: rule.facilityId ?? null,
    }));
    const facilityIds = [...new Set(rules.flatMap((rule) => (rule.facilityId ? [rule.facilityId] : [])))];
    await assertFacilitiesExist(tx, facilityIds);
    await refuseOrphans(tx, clinicianId, { rules, exceptions: await getUpcomingExceptions(tx, clinicianId) });
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

const ruleFieldOf = { weekday: "weekday", range: "endMinute", slot_length: "slotMinutes" } as const;

function parseRules(rules: WeeklyRuleInput[]): WeeklyRuleInput[] {
  for (const rule of rules) {
    const problem = validateWeeklyRule(rule);
    if (problem) throw new AppError("invalid", `availability_${problem}`, { [ruleFieldOf[problem]]: `availability_${problem}` });
  }
  return rules;
}
