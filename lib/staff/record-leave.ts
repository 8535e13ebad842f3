import { z } from "zod";
import { db } from "@/db";
import { leaveKinds } from "@/db/enums";
import { staffLeave } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, isExclusionViolation } from "@/lib/errors";
import { blankAsMissing, formEnum } from "@/lib/form-fields";
import { lockStaffFor } from "./access";

/** The kinds of leave, in the order the form offers them. */
export { leaveKinds };


export const leaveInput = z
  .object({
    kind: formEnum(leaveKinds, "leave_kind_required"),
    startsOn: z.iso.date({ error: "leave_date_invalid" }),
    endsOn: z.iso.date({ error: "leave_date_invalid" }),
    note: z.preprocess(blankAsMissing, z.string().trim().max(300, "leave_note_too_long").optional()),
  })
  .refine((leave) => leave.endsOn >= leave.startsOn, { path: ["endsOn"], message: "leave_end_before_start" });

/**
 * An admin records leave for a member of staff, from a date to a date (both included): those
 * days count as on leave, not absent. Leave cannot overlap leave already recorded (an exclusion
 * constraint holds it); checked on the locked staff row and audited.
 */
export async function recordLeave(actor: Actor, userId: string, input: Partial<z.input<typeof leaveInput>>) {
  const parsed = leaveInput.safeParse(input);
  try {
    return await db().transaction(async (tx) => {
      const { staff } = await lockStaffFor(tx, actor, userId);
      if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
      const [leave] = await tx
        .insert(staffLeave)
        .values({ userId: staff.id, ...parsed.data, note: parsed.data.note ?? null, recordedBy: actor.id })
        .returning();
      await recordAudit(tx, { actorId: actor.id, action: "staff.leave", entityType: "staff_leave", entityId: leave!.id, details: { userId: staff.id, ...parsed.data } });
      return leave!;
    });
  } catch (error) {
    if (isExclusionViolation(error, "staff_leave_no_overlap")) throw new AppError("invalid", "form_invalid", { startsOn: "leave_overlaps" });
    throw error;
  }
}
