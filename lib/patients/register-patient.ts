import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { users, type Patient } from "@/db/schema";
import { hostRoles, type Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { normalizeCnic } from "@/lib/identifiers/identifiers";
import { sexes } from "@/lib/vocabulary";
import { insertPatientWithMrId } from "./insert-patient";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const registerPatientInput = z.object({
  fullName: z.string().trim().min(2, "name_required").max(100, "name_too_long"),
  sex: formEnum(sexes, "sex_required"),
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
  if (actor.role !== "patient" && !hostRoles.includes(actor.role)) {
    throw notFound();
  }

  return db().transaction(async (tx) => {
    const [account] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, actor.id));
    const patient = await insertPatientWithMrId(
      tx,
      actor.id,
      {
        accountId: actor.role === "patient" ? actor.id : null,
        relation: actor.role === "patient" ? "self" : null,
        fullName: data.fullName,
        sex: data.sex,
        dateOfBirth: data.dateOfBirth,
        cnic: data.cnic,
        phone: actor.role === "patient" ? (account?.phone ?? null) : null,
      },
      { action: "patient.register" },
    );
    if (actor.role === "patient") {
      await tx.update(users).set({ name: data.fullName }).where(eq(users.id, actor.id));
    }
    return patient;
  });
}
