import { and, eq, gte, lt, ne } from "drizzle-orm";
import { db } from "@/db";
import { appointments } from "@/db/schema";
import { getSchedule } from "./schedule";
import { CLINIC_TIME_ZONE, generateSlots, type Slot } from "./slots";

const DAY_MS = 24 * 60 * 60_000;

/** Slots of a clinician from `from` over the next `days` days that nobody has booked. */
export async function listOpenSlots(clinicianId: string, from = new Date(), days = 7): Promise<Slot[]> {
  const to = new Date(from.getTime() + days * DAY_MS);
  const { rules, exceptions } = await getSchedule(clinicianId);
  const taken = await db()
    .select({ startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicianId, clinicianId),
        ne(appointments.status, "cancelled"),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
      ),
    );
  const takenStarts = new Set(taken.map((t) => t.startsAt.getTime()));
  return generateSlots(rules, from, to, CLINIC_TIME_ZONE, exceptions).filter((slot) => !takenStarts.has(slot.startsAt.getTime()));
}
