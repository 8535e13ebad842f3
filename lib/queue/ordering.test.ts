import { describe, expect, it } from "vitest";
import type { TriageLevel } from "@/db/schema";
import { orderQueue, type QueueEntry } from "./ordering";

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const now = at("10:00");

function entry(id: string, options: { triage?: TriageLevel; scheduledAt?: string; checkedInAt: string; droppedAt?: string }): QueueEntry {
  return {
    id,
    triage: options.triage ?? "routine",
    scheduledAt: options.scheduledAt ? at(options.scheduledAt) : null,
    checkedInAt: at(options.checkedInAt),
    callDroppedAt: options.droppedAt ? at(options.droppedAt) : null,
  };
}

const ids = (entries: readonly QueueEntry[], when = now) => orderQueue(entries, when).map((e) => e.id);

describe("orderQueue", () => {
  it("puts a patient whose call dropped at the front of their triage level, in the order the calls dropped", () => {
    const entries = [
      entry("booked-due", { scheduledAt: "09:00", checkedInAt: "08:50" }),
      entry("early-walk-in", { checkedInAt: "07:00" }),
      entry("dropped-late", { checkedInAt: "09:30", droppedAt: "09:58" }),
      entry("dropped-early", { checkedInAt: "09:40", droppedAt: "09:50" }),
      entry("emergency", { triage: "emergency", checkedInAt: "09:59" }),
    ];
    expect(ids(entries)).toEqual(["emergency", "dropped-early", "dropped-late", "booked-due", "early-walk-in"]);
    expect(orderQueue(entries, now).find((e) => e.id === "dropped-early")?.reason).toEqual({ kind: "call_dropped", at: at("09:50") });
  });

  it("returns an empty queue for no entries", () => {
    expect(orderQueue([], now)).toEqual([]);
  });

  it("puts emergency before urgent before routine, whatever the arrival or booking", () => {
    const entries = [
      entry("routine-booked", { scheduledAt: "09:00", checkedInAt: "08:50" }),
      entry("urgent", { triage: "urgent", checkedInAt: "09:55" }),
      entry("emergency", { triage: "emergency", checkedInAt: "09:59" }),
      entry("routine-walk-in", { checkedInAt: "08:00" }),
    ];
    expect(ids(entries)).toEqual(["emergency", "urgent", "routine-booked", "routine-walk-in"]);
  });

  it("orders walk-ins of one level by arrival", () => {
    const entries = [
      entry("third", { checkedInAt: "09:30" }),
      entry("first", { checkedInAt: "09:10" }),
      entry("second", { checkedInAt: "09:20" }),
    ];
    expect(ids(entries)).toEqual(["first", "second", "third"]);
  });

  it("puts due bookings ahead of walk-ins who arrived earlier, ordered by appointment time", () => {
    const entries = [
      entry("walk-in", { checkedInAt: "08:00" }),
      entry("booked-0945", { scheduledAt: "09:45", checkedInAt: "09:40" }),
      entry("booked-0930", { scheduledAt: "09:30", checkedInAt: "09:50" }),
    ];
    expect(ids(entries)).toEqual(["booked-0930", "booked-0945", "walk-in"]);
  });

  it("counts a booking due at exactly now as due", () => {
    const entries = [entry("walk-in", { checkedInAt: "09:00" }), entry("booked", { scheduledAt: "10:00", checkedInAt: "09:50" })];
    expect(ids(entries)).toEqual(["booked", "walk-in"]);
  });

  it("queues a booked patient who is early among the walk-ins, by arrival", () => {
    const entries = [
      entry("walk-in-late", { checkedInAt: "09:50" }),
      entry("early-booked", { scheduledAt: "10:15", checkedInAt: "09:45" }),
      entry("walk-in-early", { checkedInAt: "09:40" }),
    ];
    expect(ids(entries)).toEqual(["walk-in-early", "early-booked", "walk-in-late"]);
  });

  it("moves an early booked patient ahead once their time comes", () => {
    const entries = [
      entry("walk-in-1", { checkedInAt: "09:40" }),
      entry("walk-in-2", { checkedInAt: "09:42" }),
      entry("booked", { scheduledAt: "10:15", checkedInAt: "09:50" }),
    ];
    expect(ids(entries, at("10:14"))).toEqual(["walk-in-1", "walk-in-2", "booked"]);
    expect(ids(entries, at("10:15"))).toEqual(["booked", "walk-in-1", "walk-in-2"]);
  });

  it("applies the booking rule within each triage level separately", () => {
    const entries = [
      entry("urgent-walk-in", { triage: "urgent", checkedInAt: "09:00" }),
      entry("urgent-booked", { triage: "urgent", scheduledAt: "09:30", checkedInAt: "09:20" }),
      entry("routine-booked", { scheduledAt: "09:00", checkedInAt: "08:00" }),
    ];
    expect(ids(entries)).toEqual(["urgent-booked", "urgent-walk-in", "routine-booked"]);
  });

  it("breaks equal appointment times by arrival, then by id", () => {
    const entries = [
      entry("c", { scheduledAt: "09:30", checkedInAt: "09:25" }),
      entry("b", { scheduledAt: "09:30", checkedInAt: "09:20" }),
      entry("a", { scheduledAt: "09:30", checkedInAt: "09:25" }),
    ];
    expect(ids(entries)).toEqual(["b", "a", "c"]);
  });

  it("breaks equal arrival times by id", () => {
    const entries = [
      entry("b", { checkedInAt: "09:00" }),
      entry("a", { checkedInAt: "09:00" }),
      entry("B", { checkedInAt: "09:00" }),
    ];
    // By code unit: upper case sorts before lower case, on every machine.
    expect(ids(entries)).toEqual(["B", "a", "b"]);
  });

  it("numbers places from 1", () => {
    const entries = [entry("x", { checkedInAt: "09:10" }), entry("y", { checkedInAt: "09:00" })];
    expect(orderQueue(entries, now).map((e) => [e.id, e.place])).toEqual([
      ["y", 1],
      ["x", 2],
    ]);
  });

  it("explains each place", () => {
    const entries = [
      entry("emergency", { triage: "emergency", scheduledAt: "09:00", checkedInAt: "08:00" }),
      entry("urgent", { triage: "urgent", checkedInAt: "09:00" }),
      entry("booked", { scheduledAt: "09:30", checkedInAt: "09:20" }),
      entry("early", { scheduledAt: "11:00", checkedInAt: "09:35" }),
      entry("walk-in", { checkedInAt: "09:40" }),
    ];
    expect(Object.fromEntries(orderQueue(entries, now).map((e) => [e.id, e.reason]))).toEqual({
      emergency: { kind: "triage", level: "emergency" },
      urgent: { kind: "triage", level: "urgent" },
      booked: { kind: "booked", at: at("09:30") },
      early: { kind: "arrived", at: at("09:35") },
      "walk-in": { kind: "arrived", at: at("09:40") },
    });
  });

  it("keeps the caller's own fields and leaves the input untouched", () => {
    const entries = [
      { ...entry("late", { checkedInAt: "09:30" }), patientName: "Bilal" },
      { ...entry("early", { checkedInAt: "09:00" }), patientName: "Amna" },
    ];
    const before = structuredClone(entries);
    const ordered = orderQueue(entries, now);
    expect(ordered.map((e) => e.patientName)).toEqual(["Amna", "Bilal"]);
    expect(entries).toEqual(before);
    expect(entries[0]).not.toHaveProperty("place");
  });

  it("gives the same order for every arrangement of the same entries", () => {
    const levels: TriageLevel[] = ["emergency", "urgent", "routine"];
    const times = ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"];
    // A small deterministic generator, so a failure can be reproduced.
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

    for (let round = 0; round < 50; round++) {
      // Few distinct values, so that ties at every level are common.
      const entries = Array.from({ length: 12 }, (_, i) =>
        entry(`p${i}`, {
          triage: pick(levels),
          scheduledAt: random() < 0.5 ? pick(times) : undefined,
          checkedInAt: pick(times.slice(0, 4)),
        }),
      );
      const expected = ids(entries);
      for (let shuffle = 0; shuffle < 20; shuffle++) {
        const shuffled = [...entries];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(ids(shuffled)).toEqual(expected);
      }

      // And the order obeys the rule pairwise.
      const ordered = orderQueue(entries, now);
      for (let i = 1; i < ordered.length; i++) {
        const [a, b] = [ordered[i - 1]!, ordered[i]!];
        const rank = (e: QueueEntry) => levels.indexOf(e.triage);
        expect(rank(a)).toBeLessThanOrEqual(rank(b));
        if (rank(a) !== rank(b)) continue;
        const due = (e: QueueEntry) => e.scheduledAt !== null && e.scheduledAt <= now;
        expect(due(a) || !due(b)).toBe(true);
        if (due(a) && due(b)) expect(a.scheduledAt!.getTime()).toBeLessThanOrEqual(b.scheduledAt!.getTime());
        if (!due(a) && !due(b)) expect(a.checkedInAt.getTime()).toBeLessThanOrEqual(b.checkedInAt.getTime());
      }
      expect(ordered.map((e) => e.place)).toEqual(ordered.map((_, i) => i + 1));
    }
  });
});
