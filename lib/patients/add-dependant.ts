import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { patients, users, type Patient } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { dependantRelations, findLikelyDuplicate, HOUSEHOLD_MAX } from "./household";
import { insertPatientWithMrId } from "./insert-patient";
import { registerPatientInput } from "./register-patient";

export const addDependantInput = registerPatientInput.extend({
  relation: formEnum(dependantRelations, "relation_required"),
});
export type AddDependantInput = z.input<typeof addDependantInput>;

/**
 * A patient's phone account adds a family member (a child, an elderly parent, ...) whom it
 * will book for, and issues them their own MR ID. The account holder must have registered
 * first, so the household always has its "self" to book under by default.
 *
 * Refused with `conflict`: `household_full` past {@link HOUSEHOLD_MAX} patients, and
 * `dependant_duplicate` (at `fullName`) when someone with the same name and date of birth is
 * already on the account, which is nearly always the same person added twice.
 */
export async function addDependant(actor: Actor, input: AddDependantInput): Promise<Patient> {
  if (actor.role !== "patient") throw notFound();
  const parsed = addDependantInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const data = parsed.data;

  return db().transaction(async (tx) => {
    // Holding the account row until commit serialises adds to one household, so a double tap
    // or two phones at once cannot both pass the cap and duplicate checks.
    const [account] = await tx
      .select({ phone: users.phone })
      .from(users)
      .where(eq(users.id, actor.id))
      .for("update");
    const household = await tx
      .select({ fullName: patients.fullName, dateOfBirth: patients.dateOfBirth, relation: patients.relation })
      .from(patients)
      .where(eq(patients.accountId, actor.id));

    if (!household.some((member) => member.relation === "self")) {
      throw new AppError("conflict", "household_register_first");
    }
    if (household.length >= HOUSEHOLD_MAX) throw new AppError("conflict", "household_full");
    if (findLikelyDuplicate(household, data)) {
      throw new AppError("conflict", "dependant_duplicate", { fullName: "dependant_duplicate" });
    }

    return insertPatientWithMrId(
      tx,
      actor.id,
      {
        accountId: actor.id,
        relation: data.relation,
        fullName: data.fullName,
        sex: data.sex,
        dateOfBirth: data.dateOfBirth,
        cnic: data.cnic,
        // Staff find a household's members by the number the family calls from.
        phone: account?.phone ?? null,
      },
      { action: "patient.add_dependant", details: { relation: data.relation } },
    );
  });
}
