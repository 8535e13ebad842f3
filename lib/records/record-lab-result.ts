import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { attachments, labOrders, labResults } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { clinicToday } from "@/lib/booking/slots";
import { AppError, fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { auditRecord } from "./access";
import { intakeImage } from "./attachments/image-intake";
import { findLabTest, labResultFlag } from "./catalog/lab-tests";
import { readLabValue } from "./lab-result-value";
import { lockEncounterForWriting, type WritableEncounter } from "./encounter-access";
import { optionalWords, pastDate } from "./entry-fields";

export const recordLabResultInput = z.object({
  testCode: z.string().optional(),
  orderId: z.string().optional(),
  value: z.string().optional(),
  takenOn: z.string().optional(),
});
export type RecordLabResultInput = z.input<typeof recordLabResultInput>;

/** A photographed paper report as uploaded: its bytes, whatever the browser said it was. */
export type LabReportUpload = { bytes: Uint8Array };

const labResultFields = z.object({
  testCode: optionalWords(40, "lab_test_unknown"),
  orderId: optionalWords(40, "lab_order_unknown"),
  value: optionalWords(2000, "lab_value_too_long"),
});

/**
 * Stores a photographed lab report inside the caller's transaction: re-encoded by intakeImage
 * (size and type refused there, metadata dropped) and kept as a `lab_report` attachment of the
 * encounter. Returns the attachment's id.
 */
export async function attachLabReport(tx: Transaction, actor: Actor, encounter: WritableEncounter, upload: LabReportUpload): Promise<string> {
  const image = await intakeImage(upload.bytes);
  const [row] = await tx
    .insert(attachments)
    .values({
      patientId: encounter.access.patient.id,
      encounterId: encounter.encounterId,
      kind: "lab_report",
      contentType: image.contentType,
      content: Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength),
      byteLength: image.byteLength,
      width: image.width,
      height: image.height,
      sha256: image.sha256,
      uploadedBy: actor.id,
    })
    .returning({ id: attachments.id });
  await auditRecord(tx, actor, encounter.access, {
    action: "attachment.upload",
    entityType: "attachment",
    entityId: row!.id,
    details: { kind: "lab_report", byteLength: image.byteLength, sha256: image.sha256 },
  });
  return row!.id;
}

/**
 * A lab result entered during a consultation, by its clinician or the facility staff hosting it:
 * the value as the test reads it (a number, positive/negative, or text) with its flag from
 * labResultFlag, the day the sample was taken, and/or a photographed report (`report`), at least
 * one of value and photo. Against an open order of the patient (`orderId`) it closes that order;
 * the test is then the order's. A photo that is too big or no image is refused at the `report`
 * field with intakeImage's message key, and nothing is stored.
 */
export async function recordLabResult(actor: Actor, consultationId: string, input: RecordLabResultInput, report?: LabReportUpload, now = new Date()) {
  return db().transaction(async (tx) => {
    const encounter = await lockEncounterForWriting(tx, actor, consultationId, ["clinician", "host"]);
    const typed = labResultFields.safeParse(input);
    // The date is checked with the value below, so that every bad field is reported at once.
    const taken = z.object({ takenOn: pastDate(clinicToday(now), "date_invalid", { required: true }) }).safeParse(input);
    const errors: FieldErrors = { ...(typed.success ? {} : fieldErrorsOf(typed.error)), ...(taken.success ? {} : fieldErrorsOf(taken.error)) };
    if (!typed.success) throw new AppError("invalid", "form_invalid", errors);
    const raw = typed.data;

    let order: { id: string; testCode: string; status: string } | undefined;
    if (raw.orderId) {
      [order] = isUuid(raw.orderId)
        ? await tx
            .select({ id: labOrders.id, testCode: labOrders.testCode, status: labOrders.status })
            .from(labOrders)
            .where(and(eq(labOrders.id, raw.orderId), inArray(labOrders.patientId, encounter.access.patientIds)))
            .for("update")
        : [];
      if (!order) errors.orderId = "lab_order_unknown";
      else if (order.status !== "ordered") errors.orderId = "lab_order_closed";
      else if (raw.testCode && raw.testCode !== order.testCode) errors.testCode = "lab_order_other_test";
    }
    const test = findLabTest(order?.testCode ?? raw.testCode ?? "");
    if (!test && !errors.orderId) errors.testCode ??= "lab_test_unknown";
    const value = test ? readLabValue(test, raw.value) : null;
    if (typeof value === "string") errors.value = value;
    const hasPhoto = report !== undefined && report.bytes.byteLength > 0;
    if (value && typeof value !== "string" && value.valueNumeric === null && value.valueText === null && !hasPhoto) errors.value = "lab_value_required";
    if (Object.keys(errors).length > 0 || !taken.success || !test || !value || typeof value === "string") throw new AppError("invalid", "form_invalid", errors);

    let attachmentId: string | null = null;
    if (hasPhoto) {
      try {
        attachmentId = await attachLabReport(tx, actor, encounter, report);
      } catch (error) {
        if (error instanceof AppError && error.code === "invalid") throw new AppError("invalid", "form_invalid", { report: error.messageKey });
        throw error;
      }
    }

    const flag = value.valueNumeric !== null ? labResultFlag(test, value.valueNumeric) : value.valueText !== null ? labResultFlag(test, value.valueText) : null;
    const [row] = await tx
      .insert(labResults)
      .values({
        patientId: encounter.access.patient.id,
        encounterId: encounter.encounterId,
        orderId: order?.id ?? null,
        testCode: test.code,
        ...value,
        flag,
        takenOn: taken.data.takenOn!,
        attachmentId,
        enteredBy: actor.id,
      })
      .returning();
    if (order) await tx.update(labOrders).set({ status: "resulted" }).where(eq(labOrders.id, order.id));
    await auditRecord(tx, actor, encounter.access, {
      action: "lab_result.record",
      entityType: "lab_result",
      entityId: row!.id,
      details: { consultationId, testCode: test.code, flag, orderId: order?.id ?? null, attachmentId },
    });
    return row!;
  });
}
