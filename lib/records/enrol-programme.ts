import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { programmeEnrolments } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { clinicToday } from "@/lib/booking/slots";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { programmes } from "@/lib/vocabulary";
import { auditRecord } from "./access";
import { lockEncounterForWriting } from "./encounter-access";
import { antenatalEnrolmentInputFor } from "./programmes";

/** The enrolment form: the programme, and for antenatal care the LMP (checked against the clinic day). */
export const enrolProgrammeInput = z.object(
  {
    programme: formEnum(programmes, "programme_required"),
    lastMenstrualPeriod: z.string().optional(),
  },
  { error: "form_invalid" },
);
export type EnrolProgrammeInput = z.input<typeof enrolProgrammeInput>;
export type ProgrammeEnrolment = typeof programmeEnrolments.$inferSelect;

/**
 * The clinician or host of a consultation enrols its patient in a care programme: antenatal
 * care (women only, with an LMP neither in the future nor more than 44 weeks ago),
 * hypertension, diabetes or mental-health follow-up. A patient already in that programme is
 * not enrolled twice: the open enrolment is returned as it is (`created: false`).
 */
export async function enrolProgramme(
  actor: Actor,
  consultationId: string,
  input: EnrolProgrammeInput,
  now = new Date(),
): Promise<{ enrolment: ProgrammeEnrolment; created: boolean }> {
  const parsed = enrolProgrammeInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const { programme } = parsed.data;

  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician", "host"]);
    let lastMenstrualPeriod: string | null = null;
    if (programme === "antenatal") {
      if (encounter.access.patient.sex !== "female") {
        throw new AppError("invalid", "form_invalid", { programme: "antenatal_female_only" });
      }
      const lmp = antenatalEnrolmentInputFor(clinicToday(now)).safeParse({ lastMenstrualPeriod: parsed.data.lastMenstrualPeriod });
      if (!lmp.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(lmp.error));
      lastMenstrualPeriod = lmp.data.lastMenstrualPeriod;
    }

    const openEnrolment = async () => {
      const [open] = await tx
        .select()
        .from(programmeEnrolments)
        .where(
          and(
            inArray(programmeEnrolments.patientId, encounter.access.patientIds),
            eq(programmeEnrolments.programme, programme),
            isNull(programmeEnrolments.endedAt),
          ),
        )
        .limit(1);
      return open;
    };
    // An open enrolment may sit on an MR ID merged into this one, which the index cannot see.
    const existing = await openEnrolment();
    if (existing) return { enrolment: existing, created: false };
    // The partial unique index keeps one open enrolment per programme against concurrent
    // requests from other encounters: the loser inserts nothing and reads the winner's row.
    const [created] = await tx
      .insert(programmeEnrolments)
      .values({
        patientId: encounter.access.patient.id,
        programme,
        lastMenstrualPeriod,
        enrolledBy: actor.id,
        enrolledAt: now,
        encounterId: encounter.encounterId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const winner = await openEnrolment();
      if (!winner) throw new Error("an enrolment conflicted with one that cannot be found");
      return { enrolment: winner, created: false };
    }
    await auditRecord(tx, actor, encounter.access, {
      action: "programme.enrol",
      entityType: "programme_enrolment",
      entityId: created.id,
      details: { programme, encounterId: encounter.encounterId },
    });
    return { enrolment: created, created: true };
  });
}
