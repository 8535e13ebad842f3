import type { TriageLevel } from "@/db/schema";

/** What the queue needs to know about one waiting consultation. */
export type QueueEntry = {
  id: string;
  triage: TriageLevel;
  scheduledAt: Date | null;
  checkedInAt: Date;
  /** Their call broke off and they did not come back in time (lib/consult/dropped-call.ts). */
  callDroppedAt?: Date | null;
};

/** Why a patient is where they are, so the waiting room and the doctor can be told. */
export type PlaceReason =
  | { kind: "triage"; level: "emergency" | "urgent" }
  | { kind: "call_dropped"; at: Date } // was in a call that broke off: back at the front
  | { kind: "booked"; at: Date } // booked appointment whose time has come
  | { kind: "arrived"; at: Date }; // walk-in, or booked patient who checked in before their time

const triageRank: Record<TriageLevel, number> = { emergency: 0, urgent: 1, routine: 2 };

type Keyed<T> = { entry: T; triage: number; dropped: number; due: boolean; at: number; checkedIn: number };

/** A booked patient keeps their appointment time only once it has come; before that they simply wait. */
function isDue(entry: QueueEntry, now: Date): entry is QueueEntry & { scheduledAt: Date } {
  return entry.scheduledAt !== null && entry.scheduledAt.getTime() <= now.getTime();
}

// Ids are compared by code unit, not by locale, so the order is the same on every machine.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeyed<T extends QueueEntry>(a: Keyed<T>, b: Keyed<T>): number {
  return (
    a.triage - b.triage ||
    (a.dropped === b.dropped ? 0 : a.dropped - b.dropped) ||
    Number(b.due) - Number(a.due) ||
    a.at - b.at ||
    a.checkedIn - b.checkedIn ||
    compareIds(a.entry.id, b.entry.id)
  );
}

function reasonFor(entry: QueueEntry, now: Date): PlaceReason {
  if (entry.triage !== "routine") return { kind: "triage", level: entry.triage };
  if (entry.callDroppedAt) return { kind: "call_dropped", at: entry.callDroppedAt };
  if (isDue(entry, now)) return { kind: "booked", at: entry.scheduledAt };
  return { kind: "arrived", at: entry.checkedInAt };
}

/**
 * The one queue order: triage level first; within a level, patients whose call broke off (in
 * the order it broke), then booked patients whose time has come by appointment time, then
 * everyone else by arrival. Ties fall to arrival and then id, so the
 * order never depends on how the entries were read. `place` is 1-based. The input is not changed.
 */
export function orderQueue<T extends QueueEntry>(
  entries: readonly T[],
  now: Date,
): Array<T & { place: number; reason: PlaceReason }> {
  const keyed: Array<Keyed<T>> = entries.map((entry) => {
    const due = isDue(entry, now);
    return {
      entry,
      triage: triageRank[entry.triage],
      // A dropped call ranks by when it dropped; everyone else after, at +Infinity.
      dropped: entry.callDroppedAt ? entry.callDroppedAt.getTime() : Number.POSITIVE_INFINITY,
      due,
      at: due ? entry.scheduledAt!.getTime() : entry.checkedInAt.getTime(),
      checkedIn: entry.checkedInAt.getTime(),
    };
  });
  keyed.sort(compareKeyed);
  return keyed.map(({ entry }, index) => ({ ...entry, place: index + 1, reason: reasonFor(entry, now) }));
}
