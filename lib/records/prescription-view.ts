import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { clinicianProfiles, districts, facilities, prescriptionItems, prescriptions, users } from "@/db/schema";
import { dosageForms, findMedicine, routes } from "./catalog/formulary";
import { findDurationUnit, findFrequency, findInstruction } from "./catalog/frequencies";

// What the printed page (read-prescription.ts) and the pharmacy's check (verify-prescription.ts)
// both show of a prescription, loaded in one place so that the two cannot drift apart.

export type Label = { code: string; en: string; ur: string };

/** One line of a prescription with the formulary's and the catalog's words for it, in both languages. */
export type PrescriptionLine = {
  position: number;
  medicineCode: string;
  generic: string;
  strength: string;
  form: Label;
  route: Label;
  dose: string;
  frequency: Label;
  durationValue: number;
  durationUnit: Label;
  instructions: Label[];
  instructionsEn: string | null;
  instructionsUr: string | null;
  acknowledgedWarnings: unknown[];
};

/** The prescriber as the printed page and the pharmacy's check name them. */
export type Prescriber = { id: string; name: string; registrationNumber: string | null; facilityName: string | null; facilityDistrict: string | null };

const unknownLabel = (code: string): Label => ({ code, en: code, ur: code });
const formLabels = new Map<string, Label>(dosageForms.map((form) => [form.code, form]));
const routeLabels = new Map<string, Label>(routes.map((route) => [route.code, route]));

/** A stored line with its labels; a code the catalog no longer has is shown as it was stored. */
export function describeLine(item: typeof prescriptionItems.$inferSelect): PrescriptionLine {
  const medicine = findMedicine(item.medicineCode);
  return {
    position: item.position,
    medicineCode: item.medicineCode,
    generic: medicine?.generic ?? item.medicineCode,
    strength: medicine?.strength ?? "",
    form: (medicine && formLabels.get(medicine.form)) ?? unknownLabel(medicine?.form ?? ""),
    route: (medicine && routeLabels.get(medicine.route)) ?? unknownLabel(medicine?.route ?? ""),
    dose: item.dose,
    frequency: findFrequency(item.frequencyCode) ?? unknownLabel(item.frequencyCode),
    durationValue: item.durationValue,
    durationUnit: findDurationUnit(item.durationUnit) ?? unknownLabel(item.durationUnit),
    instructions: item.instructionCodes.map((code) => findInstruction(code) ?? unknownLabel(code)),
    instructionsEn: item.instructionsEn,
    instructionsUr: item.instructionsUr,
    acknowledgedWarnings: item.acknowledgedWarnings,
  };
}

/**
 * A prescription with its lines and its prescriber (name, registration number, the facility
 * they work at), for any database handle; the caller has decided who may see it.
 */
export async function loadPrescription(database: DbOrTx, prescriptionId: string, patientIds: readonly string[]) {
  const facilityOfUser = alias(facilities, "user_facility");
  const districtOfUser = alias(districts, "user_district");
  const [row] = await database
    .select({
      prescription: prescriptions,
      prescriberName: users.name,
      registrationNumber: clinicianProfiles.registrationNumber,
      facilityName: facilities.name,
      facilityDistrict: districts.nameEn,
      userFacilityName: facilityOfUser.name,
      userFacilityDistrict: districtOfUser.nameEn,
    })
    .from(prescriptions)
    .innerJoin(users, eq(users.id, prescriptions.prescriberId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, prescriptions.prescriberId))
    .leftJoin(facilities, eq(facilities.id, clinicianProfiles.facilityId))
    .leftJoin(districts, eq(districts.id, facilities.districtId))
    .leftJoin(facilityOfUser, eq(facilityOfUser.id, users.facilityId))
    .leftJoin(districtOfUser, eq(districtOfUser.id, facilityOfUser.districtId))
    .where(and(eq(prescriptions.id, prescriptionId), inArray(prescriptions.patientId, [...patientIds])));
  if (!row) return null;
  const items = await database
    .select()
    .from(prescriptionItems)
    .where(eq(prescriptionItems.prescriptionId, prescriptionId))
    .orderBy(asc(prescriptionItems.position));
  const prescriber: Prescriber = {
    id: row.prescription.prescriberId,
    name: row.prescriberName,
    registrationNumber: row.registrationNumber,
    facilityName: row.facilityName ?? row.userFacilityName,
    facilityDistrict: row.facilityDistrict ?? row.userFacilityDistrict,
  };
  return { prescription: row.prescription, prescriber, items: items.map(describeLine) };
}

