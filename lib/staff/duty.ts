import { and, asc, desc, gte, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db";
import { staffLeave, staffRosterShifts, staffRosters } from "@/db/schema";
import type { Shift } from "./roster-rules";

type Reader = Pick<Transaction, "select">;

/**
 * Each member's roster in force today (its start and shifts) and their leave from today on, for
 * the staff registry page.
 */
export async function dutyOf(reader: Reader, userIds: readonly string[], today: string) {
  if (userIds.length === 0) return new Map<string, { roster: { effectiveFrom: string; shifts: Shift[] } | null; leave: (typeof staffLeave.$inferSelect)[] }>();
  const [rosters, leave] = await Promise.all([
    reader
      .select({ id: staffRosters.id, userId: staffRosters.userId, effectiveFrom: staffRosters.effectiveFrom })
      .from(staffRosters)
      .where(inArray(staffRosters.userId, [...userIds]))
      .orderBy(desc(staffRosters.effectiveFrom)),
    reader
      .select()
      .from(staffLeave)
      .where(and(inArray(staffLeave.userId, [...userIds]), isNull(staffLeave.cancelledAt), gte(staffLeave.endsOn, today)))
      .orderBy(asc(staffLeave.startsOn)),
  ]);
  // The roster in force today is the latest that has begun; failing that, the next to begin.
  const current = new Map<string, { id: string; effectiveFrom: string }>();
  for (const userId of userIds) {
    const own = rosters.filter((roster) => roster.userId === userId);
    const chosen = own.find((roster) => roster.effectiveFrom <= today) ?? own.at(-1);
    if (chosen) current.set(userId, chosen);
  }
  const shiftRows = current.size
    ? await reader
        .select()
        .from(staffRosterShifts)
        .where(inArray(staffRosterShifts.rosterId, [...current.values()].map((r) => r.id)))
        .orderBy(asc(staffRosterShifts.weekday))
    : [];
  return new Map(
    userIds.map((userId) => {
      const roster = current.get(userId);
      return [
        userId,
        {
          roster: roster
            ? { effectiveFrom: roster.effectiveFrom, shifts: shiftRows.filter((s) => s.rosterId === roster.id).map(({ weekday, startsMinute, endsMinute }) => ({ weekday, startsMinute, endsMinute })) }
            : null,
          leave: leave.filter((l) => l.userId === userId),
        },
      ];
    }),
  );
}

