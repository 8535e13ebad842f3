import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { appointments, patients, users, type Appointment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { getWeeklyRules } from "./availability";
import { isBookableSlot } from "./slots";

export const bookAppointmentInput = z.object({
  patientId: z.uuid(),
  clinicianId: z.uuid(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
});
export type BookAppointmentInput = z.input<typeof bookAppointmentInput>;

const bookingStaff = ["rhu_staff", "doctor", "specialist", "admin"];

/**
 * Books one slot. Whether the slot is free is decided by the database's unique index, so
 * that of any number of simultaneous requests exactly one wins and the rest get `conflict`.
 */
export async function bookAppointment(actor: Actor, input: BookAppointmentInput): Promise<Appointment> {
  const parsed = bookAppointmentInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "slot_invalid");
  const { patientId, clinicianId, startsAt, endsAt } = parsed.data;

  const [patient] = await db().select().from(patients).where(eq(patients.id, patientId));
  const mayBookFor = patient && (patient.accountId === actor.id || bookingStaff.includes(actor.role));
  if (!mayBookFor) throw new AppError("not_found", "not_found");

  const [clinician] = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, clinicianId), inArray(users.role, [...clinicianRoles]), isNull(users.disabledAt)));
  if (!clinician) throw new AppError("not_found", "not_found");

  if (startsAt.getTime() <= Date.now()) throw new AppError("invalid", "slot_in_past");
  if (!isBookableSlot(await getWeeklyRules(clinicianId), startsAt, endsAt)) {
    throw new AppError("invalid", "slot_unavailable");
  }

  try {
    return await db().transaction(async (tx) => {
      const [appointment] = await tx
        .insert(appointments)
        .values({ patientId, clinicianId, startsAt, endsAt, bookedBy: actor.id })
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: "appointment.book",
        entityType: "appointment",
        entityId: appointment!.id,
        patientId,
      });
      return appointment!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "appointments_one_per_slot")) throw new AppError("conflict", "slot_taken");
    throw error;
  }
}
