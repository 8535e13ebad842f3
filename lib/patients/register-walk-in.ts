import { sql } from "drizzle-orm";
import { z } from "zod";
import { formCheckbox } from "@/lib/form-fields";
import { db } from "@/db";
import type { Patient } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hostRoles, type Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { comparableName, findLikelyDuplicates } from "./duplicates";
import { normalizePkMobile } from "@/lib/identifiers/identifiers";
import { insertPatientWithMrId } from "./insert-patient";
import { registerPatientInput } from "./register-patient";



export const registerWalkInInput = registerPatientInput.extend({
  phone: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const phone = normalizePkMobile(value);
      if (!phone) ctx.addIssue({ code: "custom", message: "phone_invalid" });
      return phone;
    }),
  confirmNotDuplicate: formCheckbox,
});
/** The form as submitted; the confirmation is a checkbox or button value ("on"), absent when not given. */
export type RegisterWalkInInput = Omit<z.input<typeof registerWalkInInput>, "confirmNotDuplicate"> & { confirmNotDuplicate?: unknown };

export type DuplicateMatch = Awaited<ReturnType<typeof findLikelyDuplicates>>[number];

declare module "@/lib/errors" {
  interface ErrorDetails {
    /** The patients the new registration probably duplicates, for staff to use instead. */
    likely_duplicate: { matches: DuplicateMatch[] };
  }
}

/**
 * Facility staff register a walk-in and issue their MR ID. One person, one MR ID: when someone
 * with the same name, date of birth and phone or CNIC is already registered, nothing is issued
 * and the matches come back (`conflict` / `likely_duplicate`, `details.matches`) so staff can use
 * the existing record, or confirm that this is a different person and register anyway.
 */
export async function registerWalkIn(actor: Actor, input: RegisterWalkInInput): Promise<Patient> {
  if (!hostRoles.includes(actor.role)) throw notFound();
  const parsed = registerWalkInInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const { confirmNotDuplicate, ...person } = parsed.data;

  const outcome = await db().transaction(async (tx): Promise<{ matches: DuplicateMatch[] } | { patient: Patient }> => {
    // A double submit on a slow network would otherwise pass the duplicate check twice at once;
    // serialised per name and birthday, the second sees the first and is shown it as a match.
    const personKey = `walk-in:${comparableName(person.fullName)}:${person.dateOfBirth}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${personKey}))`);

    const matches = await findLikelyDuplicates(tx, person);
    // Showing a match shows that patient's details, so it is audited like a lookup.
    for (const match of matches) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: confirmNotDuplicate ? "patient.duplicate_overridden" : "patient.duplicate_shown",
        entityType: "patient",
        entityId: match.id,
        patientId: match.id,
      });
    }
    if (matches.length > 0 && !confirmNotDuplicate) return { matches };

    const patient = await insertPatientWithMrId(
      tx,
      actor.id,
      { accountId: null, relation: null, ...person },
      {
        action: "patient.register_walk_in",
        details: matches.length > 0 ? { registeredDespite: matches.map((m) => m.mrId) } : undefined,
      },
    );
    return { patient };
  });

  if ("matches" in outcome) throw new AppError("conflict", "likely_duplicate", {}, { matches: outcome.matches });
  return outcome.patient;
}
