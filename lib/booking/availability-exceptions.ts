import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { availabilityExceptions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { availabilityExceptionKinds } from "@/lib/vocabulary";
import {
  assertFacilitiesExist,
  exceptionColumns,
  getRules,
  getUpcomingExceptions,
  lockManageableClinician,
  type StoredException,
} from "./availability-store";
import { refuseOrphans } from "./orphans";
import { validateAvailabilityException } from "./slots";

const availabilityExceptionInput = z
  .object({
    kind: formEnum(availabilityExceptionKinds, "exception_kind_required"),
    startsAt: z.coerce.date({ error: "exception_time_invalid" }),
    endsAt: z.coerce.date({ error: "exception_time_invalid" }),
    slotMinutes: z.coerce
      .number({ error: "availability_slot_length" })
      .int("availability_slot_length")
      .min(5, "availability_slot_length")
      .max(240, "availability_slot_length")
      .nullish(),
    facilityId: z.uuid("facility_unknown").nullish(),
    note: z.string().trim().max(200, "exception_note_too_long").nullish(),
  })
  .superRefine((input, ctx) => {
    const problem = validateAvailabilityException(input);
    if (problem === "exception_range" || problem === "exception_too_long") {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: problem });
    } else if (problem === "slot_length") {
      ctx.addIssue({ code: "custom", path: ["slotMinutes"], message: "availability_slot_length" });
    } else if (input.endsAt.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "exception_in_past" });
    }
  });
/** Leave or an extra clinic as the form sends it; `kind` any string, answered at the field. */
export type AvailabilityExceptionInput = z.input<typeof availabilityExceptionInput>;

/**
 * Adds leave (or a public holiday) or an extra clinic. Only the clinician or an admin may.
 * Leave that would orphan a live booking is refused like any other change.
 */
export async function addAvailabilityException(
  actor: Actor,
  clinicianId: string,
  input: AvailabilityExceptionInput,
): Promise<StoredException> {
  const exception = parseException(input);
  return db().transaction(async (tx) => {
    await lockManageableClinician(tx, actor, clinicianId);
    if (exception.facilityId) await assertFacilitiesExist(tx, [exception.facilityId]);
    const current = await getUpcomingExceptions(tx, clinicianId);
    await refuseOrphans(tx, clinicianId, { rules: await getRules(tx, clinicianId), exceptions: [...current, exception] });
    const [row] = await tx
      .insert(availabilityExceptions)
      .values({ ...exception, clinicianId, createdBy: actor.id })
      .returning(exceptionColumns);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "availability.exception_add",
      entityType: "clinician",
      entityId: clinicianId,
      details: { exceptionId: row!.id, kind: exception.kind },
    });
    return row!;
  });
}

/** Removes an exception that has not ended; removing an extra clinic with bookings is refused. */
export async function removeAvailabilityException(actor: Actor, clinicianId: string, exceptionId: string): Promise<void> {
  await db().transaction(async (tx) => {
    await lockManageableClinician(tx, actor, clinicianId);
    const current = await getUpcomingExceptions(tx, clinicianId);
    const removed = current.find((exception) => exception.id === exceptionId);
    if (!removed) throw notFound();
    await refuseOrphans(tx, clinicianId, {
      rules: await getRules(tx, clinicianId),
      exceptions: current.filter((exception) => exception !== removed),
    });
    await tx.delete(availabilityExceptions).where(eq(availabilityExceptions.id, removed.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "availability.exception_remove",
      entityType: "clinician",
      entityId: clinicianId,
      details: { exceptionId: removed.id, kind: removed.kind },
    });
  });
}

function parseException(input: AvailabilityExceptionInput) {
  const parsed = availabilityExceptionInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const { kind, startsAt, endsAt, slotMinutes, facilityId, note } = parsed.data;
  return {
    kind,
    startsAt,
    endsAt,
    // A leave has no slots; a length sent along with it would only mislead a later reader.
    slotMinutes: kind === "extra" ? slotMinutes! : null,
    facilityId: facilityId ?? null,
    note: note || null,
  };
}
