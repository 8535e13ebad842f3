import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { staffRecords } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { staffCadres } from "@/lib/vocabulary";
import { lockStaffFor } from "./access";
import { checkRegistration, type Cadre } from "./registration";

/** An admin records a member of staff's cadre and council registration number, format-checked. */
export async function setStaffRecord(actor: Actor, userId: string, input: { cadre?: string; registrationNumber?: string }) {
  return db().transaction(async (tx) => {
    const { staff } = await lockStaffFor(tx, actor, userId);
    const cadre = (staffCadres as readonly string[]).includes(input.cadre ?? "") ? (input.cadre as Cadre) : null;
    if (!cadre) throw new AppError("invalid", "form_invalid", { cadre: "cadre_required" });
    const registration = checkRegistration(cadre, input.registrationNumber);
    if ("problem" in registration) throw new AppError("invalid", "form_invalid", { registrationNumber: registration.problem });
    const [before] = await tx.select().from(staffRecords).where(eq(staffRecords.userId, staff.id));
    const values = { cadre, registrationNumber: registration.number, updatedBy: actor.id, updatedAt: new Date() };
    await tx
      .insert(staffRecords)
      .values({ userId: staff.id, ...values })
      .onConflictDoUpdate({ target: staffRecords.userId, set: { cadre: sql`excluded.cadre`, registrationNumber: sql`excluded.registration_number`, updatedBy: actor.id, updatedAt: values.updatedAt } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.record",
      entityType: "user",
      entityId: staff.id,
      details: { before: before ? { cadre: before.cadre, registrationNumber: before.registrationNumber } : null, after: { cadre, registrationNumber: registration.number } },
    });
    return { cadre, registrationNumber: registration.number };
  });
}
