import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { allergies, prescriptionItems, prescriptions } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { formCheckbox, formEnum } from "@/lib/form-fields";
import { allergySeverities, durationUnits } from "@/lib/vocabulary";
import { findMedicine, prescriptionWarnings, type PrescriptionWarning } from "./catalog";
import { findDurationUnit, findFrequency, findInstruction } from "./catalog/frequencies";
import { auditRecord } from "./access";
import { newVerificationCode } from "./documents/verification-code";
import { lockEncounterForWriting } from "./encounter-access";
import { isCourseOngoing } from "./prescription-rules";

export const MAX_PRESCRIPTION_ITEMS = 10;
/** The longest course one line may prescribe; a longer one is a repeat prescription. */
export const MAX_COURSE_DAYS = 365;

const freeInstructions = z
  .string()
  .trim()
  .max(300, "instructions_too_long")
  .optional()
  .transform((value) => value || null);

export const prescriptionItemInput = z
  .object({
    medicineCode: z.string({ error: "medicine_unknown" }).trim().refine((code) => findMedicine(code) !== undefined, "medicine_unknown"),
    dose: z.string({ error: "dose_required" }).trim().min(1, "dose_required").max(60, "dose_too_long"),
    frequencyCode: z.string({ error: "frequency_required" }).refine((code) => findFrequency(code) !== undefined, "frequency_required"),
    durationValue: z.coerce.number({ error: "duration_invalid" }).int("duration_invalid").min(1, "duration_invalid").max(365, "duration_invalid"),
    durationUnit: formEnum(durationUnits, "duration_invalid"),
    instructionCodes: z
      .array(z.string().refine((code) => findInstruction(code) !== undefined, "instruction_unknown"))
      .max(8, "instruction_unknown")
      .default([])
      .transform((codes) => [...new Set(codes)]),
    instructionsEn: freeInstructions,
    instructionsUr: freeInstructions,
  })
  .refine((item) => item.durationValue * (findDurationUnit(item.durationUnit)?.days ?? 0) <= MAX_COURSE_DAYS, {
    message: "duration_too_long",
    path: ["durationValue"],
  });

export const prescribeInput = z.object({
  items: z.array(prescriptionItemInput).min(1, "items_required").max(MAX_PRESCRIPTION_ITEMS, "items_too_many"),
  acknowledgeWarnings: formCheckbox.default(false),
  idempotencyKey: z.string().min(8).max(100).optional(),
});
export type PrescribeInput = z.input<typeof prescribeInput>;
type ParsedPrescription = z.output<typeof prescribeInput>;

/**
 * A warning as the prescribing form shows it, at the line (`item`, from 0) it concerns: for an
 * allergy, how severe it was recorded; for a duplicate, whether the other medicine is on this
 * same prescription or a course the patient is still taking.
 */
export type PrescribingWarning = PrescriptionWarning & {
  item: number;
  severity: (typeof allergySeverities)[number] | null;
  otherOnThisPrescription: boolean;
};

declare module "@/lib/errors" {
  interface ErrorDetails {
    prescription_warnings: { warnings: PrescribingWarning[] };
  }
}

export type IssuedPrescription = { id: string; verificationCode: string; repeated: boolean };

const severityRank = { mild: 0, moderate: 1, severe: 2 } as const;

/**
 * The encounter's clinician issues a prescription of 1–10 medicines from the formulary. Each
 * line is checked against the patient's active allergies and the medicines they are still
 * taking (earlier courses that have not ended, and the lines above it on this prescription):
 * a warning refuses the prescription with `prescription_warnings`, each warning at its line,
 * until the prescriber acknowledges them; acknowledged warnings are stored with the line. A
 * repeated idempotency key (a double submit) answers the first prescription. Written and
 * audited in one transaction; anyone but the encounter's clinician gets "not found".
 */
export async function prescribe(actor: Actor, consultationId: string, input: PrescribeInput): Promise<IssuedPrescription> {
  const parsed = prescribeInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", prescriptionFieldErrors(parsed.error));
  const prescription = parsed.data;
  try {
    return await db().transaction((tx) => issue(tx, actor, consultationId, prescription));
  } catch (error) {
    // The same key raced in from elsewhere (another encounter's lock): the first one stands.
    if (!prescription.idempotencyKey || !isUniqueViolation(error, "prescriptions_idempotency")) throw error;
    return db().transaction((tx) => issue(tx, actor, consultationId, prescription));
  }
}

async function issue(tx: Transaction, actor: Actor, consultationId: string, prescription: ParsedPrescription): Promise<IssuedPrescription> {
  // The encounter's lock also serialises a double submit, so the second sees the first's key.
  const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician"]);
  const { access } = encounter;
  if (prescription.idempotencyKey) {
    const [earlier] = await tx
      .select({ id: prescriptions.id, encounterId: prescriptions.encounterId, verificationCode: prescriptions.verificationCode })
      .from(prescriptions)
      .where(and(eq(prescriptions.prescriberId, actor.id), eq(prescriptions.idempotencyKey, prescription.idempotencyKey)));
    if (earlier) {
      if (earlier.encounterId !== encounter.encounterId) throw new AppError("conflict", "idempotency_mismatch");
      return { id: earlier.id, verificationCode: earlier.verificationCode, repeated: true };
    }
  }

  const now = new Date();
  const [recordedAllergies, earlierItems] = await Promise.all([
    tx
      .select({ allergenCode: allergies.allergenCode, severity: allergies.severity })
      .from(allergies)
      .where(and(inArray(allergies.patientId, access.patientIds), eq(allergies.status, "active"), isNotNull(allergies.allergenCode))),
    tx
      .select({
        medicineCode: prescriptionItems.medicineCode,
        durationValue: prescriptionItems.durationValue,
        durationUnit: prescriptionItems.durationUnit,
        issuedAt: prescriptions.issuedAt,
      })
      .from(prescriptionItems)
      .innerJoin(prescriptions, eq(prescriptions.id, prescriptionItems.prescriptionId))
      .where(
        and(
          inArray(prescriptions.patientId, access.patientIds),
          isNull(prescriptions.enteredInErrorAt),
          gt(prescriptions.issuedAt, new Date(now.getTime() - (MAX_COURSE_DAYS + 1) * 24 * 60 * 60 * 1000)),
        ),
      ),
  ]);
  const warnings = warningsFor(
    prescription.items,
    recordedAllergies.map((allergy) => ({ allergenCode: allergy.allergenCode!, severity: allergy.severity })),
    earlierItems.filter((item) => isCourseOngoing(item.issuedAt, item.durationValue, item.durationUnit, now)),
  );
  if (warnings.length > 0 && !prescription.acknowledgeWarnings) {
    const fieldErrors = Object.fromEntries(warnings.map((warning) => [`items.${warning.item}.medicineCode`, "prescription_warning"]));
    throw new AppError("invalid", "prescription_warnings", fieldErrors, { warnings });
  }

  const id = randomUUID();
  const verificationCode = newVerificationCode();
  await tx.insert(prescriptions).values({
    id,
    patientId: access.patient.id,
    encounterId: encounter.encounterId,
    prescriberId: actor.id,
    verificationCode,
    issuedAt: now,
    idempotencyKey: prescription.idempotencyKey ?? null,
  });
  await Promise.all([
    tx.insert(prescriptionItems).values(
      prescription.items.map((item, position) => ({
        prescriptionId: id,
        position,
        ...item,
        acknowledgedWarnings: warnings.filter((warning) => warning.item === position).map(({ item: _item, ...warning }) => warning),
      })),
    ),
    auditRecord(tx, actor, access, {
      action: "prescription.issue",
      entityType: "prescription",
      entityId: id,
      details: {
        consultationId,
        medicines: prescription.items.map((item) => item.medicineCode),
        acknowledgedWarnings: warnings.length,
      },
    }),
  ]);
  return { id, verificationCode, repeated: false };
}

/**
 * Every warning of the prescription's lines, in line order: allergies (with the most severe
 * recorded reaction to that allergen), then the medicines already being taken, then the lines
 * above on this prescription.
 */
function warningsFor(
  items: readonly { medicineCode: string }[],
  recorded: readonly { allergenCode: string; severity: keyof typeof severityRank }[],
  ongoing: readonly { medicineCode: string }[],
): PrescribingWarning[] {
  const severityOf = new Map<string, keyof typeof severityRank>();
  for (const { allergenCode, severity } of recorded) {
    const known = severityOf.get(allergenCode);
    if (!known || severityRank[severity] > severityRank[known]) severityOf.set(allergenCode, severity);
  }
  const allergyList = [...severityOf.keys()].map((allergenCode) => ({ allergenCode }));
  const ongoingCodes = new Set(ongoing.map((item) => item.medicineCode));
  return items.flatMap((item, index) => {
    const above = items.slice(0, index).filter((other) => !ongoingCodes.has(other.medicineCode));
    const found = prescriptionWarnings({ medicineCode: item.medicineCode, allergies: allergyList, currentMedicines: [...ongoing, ...above] });
    return found.map((warning) => ({
      ...warning,
      item: index,
      severity: warning.kind === "allergy" ? (severityOf.get(warning.allergenCode) ?? null) : null,
      otherOnThisPrescription: warning.kind !== "allergy" && !ongoingCodes.has(warning.otherMedicineCode),
    }));
  });
}

/** zod's issues keyed by their whole path (`items.2.dose`), so that each shows at its own line. */
export function prescriptionFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "items";
    out[field] ??= issue.message;
  }
  return out;
}
