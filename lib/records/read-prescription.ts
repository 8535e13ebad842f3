import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { consultations, prescriptionItems, prescriptions, users, type Patient } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { findMedicine } from "./catalog/formulary";
import { readRecord } from "./access";
import { ageInYears } from "./prescription-rules";
import { loadPrescription, type Prescriber, type PrescriptionLine } from "./prescription-view";

export type { Prescriber, PrescriptionLine } from "./prescription-view";

export type PrescriptionView = {
  id: string;
  verificationCode: string;
  issuedAt: Date;
  dispensedAt: Date | null;
  cancelledAt: Date | null;
  patient: Pick<Patient, "id" | "fullName" | "mrId" | "sex" | "dateOfBirth"> & { ageYears: number };
  prescriber: Prescriber;
  items: PrescriptionLine[];
};

/** Today's date in the clinic's time zone, YYYY-MM-DD. */
function clinicToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: CLINIC_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The patient a prescription belongs to, or null; used only to open that patient's record. */
async function patientOfPrescription(prescriptionId: string): Promise<string | null> {
  if (!isUuid(prescriptionId)) return null;
  const [row] = await db().select({ patientId: prescriptions.patientId }).from(prescriptions).where(eq(prescriptions.id, prescriptionId));
  return row?.patientId ?? null;
}

/**
 * One prescription as the printed page shows it: the patient (name, MR ID, age, sex), the
 * prescriber with registration number and facility, the date, each line with the formulary's
 * and catalog's words in Urdu and English, and the verification code. Opened like the rest of
 * the record (the patient or their household, clinicians and hosts of a current encounter,
 * break-glass) and audited; anyone else gets "not found".
 */
export async function readPrescription(actor: Actor, prescriptionId: string): Promise<PrescriptionView> {
  const patientId = await patientOfPrescription(prescriptionId);
  if (!patientId) throw notFound();
  return readRecord(actor, patientId, { action: "prescription.read", entityType: "prescription", entityId: prescriptionId }, async (tx, access) => {
    const loaded = await loadPrescription(tx, prescriptionId, access.patientIds);
    if (!loaded) throw notFound();
    const { prescription, prescriber, items } = loaded;
    const { patient } = access;
    return {
      id: prescription.id,
      verificationCode: prescription.verificationCode,
      issuedAt: prescription.issuedAt,
      dispensedAt: prescription.dispensedAt,
      cancelledAt: prescription.enteredInErrorAt,
      patient: {
        id: patient.id,
        fullName: patient.fullName,
        mrId: patient.mrId,
        sex: patient.sex,
        dateOfBirth: patient.dateOfBirth,
        ageYears: ageInYears(patient.dateOfBirth, clinicToday()),
      },
      prescriber,
      items,
    };
  });
}

/** A prescription in a list: enough to recognise it and open it. */
export type PrescriptionSummary = {
  id: string;
  issuedAt: Date;
  prescriberName: string;
  medicines: string[];
  dispensedAt: Date | null;
  cancelledAt: Date | null;
};

/**
 * The prescriptions of a patient's record (every merged MR ID), newest first, or only those
 * issued in one consultation's encounter (`consultationId`). Opened and audited like the record.
 */
export async function listPrescriptions(actor: Actor, patientId: string, options: { consultationId?: string } = {}): Promise<PrescriptionSummary[]> {
  if (options.consultationId !== undefined && !isUuid(options.consultationId)) throw notFound();
  return readRecord(actor, patientId, { action: "prescription.list" }, async (tx, access) => {
    const inEncounter = options.consultationId
      ? tx.select({ id: consultations.encounterId }).from(consultations).where(eq(consultations.id, options.consultationId))
      : undefined;
    const rows = await tx
      .select({
        id: prescriptions.id,
        issuedAt: prescriptions.issuedAt,
        dispensedAt: prescriptions.dispensedAt,
        cancelledAt: prescriptions.enteredInErrorAt,
        prescriberName: users.name,
      })
      .from(prescriptions)
      .innerJoin(users, eq(users.id, prescriptions.prescriberId))
      .where(and(inArray(prescriptions.patientId, access.patientIds), inEncounter ? inArray(prescriptions.encounterId, inEncounter) : undefined))
      .orderBy(desc(prescriptions.issuedAt));
    if (rows.length === 0) return [];
    const items = await tx
      .select({ prescriptionId: prescriptionItems.prescriptionId, medicineCode: prescriptionItems.medicineCode, position: prescriptionItems.position })
      .from(prescriptionItems)
      .where(inArray(prescriptionItems.prescriptionId, rows.map((row) => row.id)))
      .orderBy(asc(prescriptionItems.position));
    return rows.map((row) => ({
      ...row,
      medicines: items
        .filter((item) => item.prescriptionId === row.id)
        .map((item) => {
          const medicine = findMedicine(item.medicineCode);
          return medicine ? `${medicine.generic} ${medicine.strength}` : item.medicineCode;
        }),
    }));
  });
}
