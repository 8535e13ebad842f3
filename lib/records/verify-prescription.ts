import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { patients, prescriptions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clientLimitKey } from "@/lib/auth/client-address-rules";
import { releaseLimit, reserveUnderLimit } from "@/lib/auth/rate-limit";
import { HOUR_MS } from "@/lib/auth/rate-limit-rules";
import { AppError } from "@/lib/errors";
import { normaliseVerificationCode } from "./documents/verification-code";
import { maskMrId, nameInitials } from "./prescription-rules";
import { loadPrescription, type PrescriptionLine } from "./prescription-view";

/**
 * How many codes that are well formed but not ours one client address may try in an hour. A
 * mistyped code is caught by its check symbol before it counts, so a pharmacy rarely spends
 * one; guessing 80-bit codes at this rate would take longer than the universe has existed.
 */
export const VERIFY_MISSES_PER_CLIENT_HOUR = 20;

declare module "@/lib/errors" {
  interface ErrorDetails {
    verify_rate_limited: { retryAfterSeconds: number };
  }
}

/** A medicine as the pharmacy's check lists it: what to hand over, and no more. */
export type VerifiedLine = Pick<PrescriptionLine, "generic" | "strength" | "form" | "route" | "dose" | "frequency" | "durationValue" | "durationUnit">;

export type VerificationResult =
  | { genuine: false }
  | {
      genuine: true;
      issuedAt: Date;
      dispensedAt: Date | null;
      cancelledAt: Date | null;
      prescriber: { name: string; registrationNumber: string | null; facilityName: string | null; facilityDistrict: string | null };
      /** Enough to match the paper and the patient at the counter: initials, a masked MR ID, the year of birth. */
      patient: { initials: string; maskedMrId: string; birthYear: number };
      items: VerifiedLine[];
    };

/** The patient whose record a prescription is in today: a merged MR ID's survivor. */
async function survivorOf(tx: Transaction, patientId: string): Promise<string> {
  let current = patientId;
  for (let hop = 0; hop < 10; hop++) {
    const [row] = await tx.select({ mergedIntoId: patients.mergedIntoId }).from(patients).where(eq(patients.id, current));
    if (!row?.mergedIntoId) return current;
    current = row.mergedIntoId;
  }
  return current;
}

/**
 * What a pharmacy that scanned a prescription's QR code (or typed its code) is told, without
 * signing in: whether Rabta issued it, when, by whom (name, registration number, facility),
 * the medicines, and whether it was dispensed or cancelled; of the patient only initials, a
 * masked MR ID and the year of birth. A code that is malformed or unknown is simply not
 * genuine. Unknown codes count against the client address's hourly limit (rate_limited
 * `verify_rate_limited` past it), so that codes cannot be found by trying. Each genuine check
 * is audited on the patient's record as a pharmacy check, which the patient sees.
 */
export async function verifyPrescription(code: string, clientAddress: string, now = new Date()): Promise<VerificationResult> {
  const canonical = normaliseVerificationCode(code);
  if (!canonical) return { genuine: false };
  const place = await reserveUnderLimit(
    `rx_verify_miss:client:${clientLimitKey(clientAddress)}`,
    VERIFY_MISSES_PER_CLIENT_HOUR,
    HOUR_MS,
    now,
  );
  if (!place.ok) throw new AppError("rate_limited", "verify_rate_limited", {}, { retryAfterSeconds: place.retryAfterSeconds });

  const result = await db().transaction(async (tx): Promise<VerificationResult> => {
    const [found] = await tx
      .select({ id: prescriptions.id, patientId: prescriptions.patientId })
      .from(prescriptions)
      .where(eq(prescriptions.verificationCode, canonical));
    if (!found) return { genuine: false };
    const [[patient], loaded, survivorId] = await Promise.all([
      tx.select({ fullName: patients.fullName, mrId: patients.mrId, dateOfBirth: patients.dateOfBirth }).from(patients).where(eq(patients.id, found.patientId)),
      loadPrescription(tx, found.id, [found.patientId]),
      survivorOf(tx, found.patientId),
    ]);
    if (!patient || !loaded) return { genuine: false };
    const { prescription, prescriber, items } = loaded;
    await recordAudit(tx, {
      actorId: null,
      action: "prescription.verify",
      entityType: "prescription",
      entityId: prescription.id,
      patientId: survivorId,
      purpose: "pharmacy_check",
      details: { dispensed: prescription.dispensedAt !== null, cancelled: prescription.enteredInErrorAt !== null },
    });
    return {
      genuine: true,
      issuedAt: prescription.issuedAt,
      dispensedAt: prescription.dispensedAt,
      cancelledAt: prescription.enteredInErrorAt,
      prescriber: {
        name: prescriber.name,
        registrationNumber: prescriber.registrationNumber,
        facilityName: prescriber.facilityName,
        facilityDistrict: prescriber.facilityDistrict,
      },
      // The MR ID printed on the paper is the one it was issued under, even after a merge.
      patient: { initials: nameInitials(patient.fullName), maskedMrId: maskMrId(patient.mrId), birthYear: Number(patient.dateOfBirth.slice(0, 4)) },
      items: items.map((item) => ({
        generic: item.generic,
        strength: item.strength,
        form: item.form,
        route: item.route,
        dose: item.dose,
        frequency: item.frequency,
        durationValue: item.durationValue,
        durationUnit: item.durationUnit,
      })),
    };
  });
  // A code that was ours gives its place back: only misses count.
  if (result.genuine) await releaseLimit(place);
  return result;
}
