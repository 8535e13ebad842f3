import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { patients, users, type Patient } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, isUniqueViolation } from "@/lib/errors";
import { mrIdFromSerial } from "@/lib/mrid/mrid";
import { normalizeCnic } from "./identifiers";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const registerPatientInput = z.object({
  fullName: z.string().trim().min(2, "name_required").max(100, "name_too_long"),
  sex: z.enum(["female", "male", "other"], { error: "sex_required" }),
  dateOfBirth: z
    .string()
    .regex(isoDate, "dob_invalid")
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date <= new Date() && date.getUTCFullYear() >= 1900;
    }, "dob_invalid"),
  cnic: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const cnic = normalizeCnic(value);
      if (!cnic) ctx.addIssue({ code: "custom", message: "cnic_invalid" });
      return cnic;
    }),
});
export type RegisterPatientInput = z.input<typeof registerPatientInput>;

/**
 * Registers a patient and issues their MR ID. A patient registers themselves on their own
 * phone account; staff register walk-ins.
 */
export async function registerPatient(actor: Actor, input: RegisterPatientInput): Promise<Patient> {
  const parsed = registerPatientInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const data = parsed.data;
  if (actor.role !== "patient" && actor.role !== "rhu_staff" && actor.role !== "admin") {
    throw new AppError("not_found", "not_found");
  }

  try {
    return await db().transaction(async (tx) => {
      const [account] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, actor.id));
      const [next] = await tx.execute<{ serial: string }>(sql`select nextval('mr_id_serial') as serial`);
      const [patient] = await tx
        .insert(patients)
        .values({
          mrId: mrIdFromSerial(Number(next!.serial)),
          accountId: actor.role === "patient" ? actor.id : null,
          relation: actor.role === "patient" ? "self" : null,
          fullName: data.fullName,
          sex: data.sex,
          dateOfBirth: data.dateOfBirth,
          cnic: data.cnic,
          phone: actor.role === "patient" ? (account?.phone ?? null) : null,
          createdBy: actor.id,
        })
        .returning();
      if (actor.role === "patient") {
        await tx.update(users).set({ name: data.fullName }).where(eq(users.id, actor.id));
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "patient.register",
        entityType: "patient",
        entityId: patient!.id,
        patientId: patient!.id,
      });
      return patient!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "patients_cnic_unique")) {
      throw new AppError("conflict", "cnic_taken", { cnic: "cnic_taken" });
    }
    throw error;
  }
}
