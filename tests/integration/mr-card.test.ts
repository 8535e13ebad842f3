import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { formatMrId, mrIdFromSerial } from "@/lib/mrid/mrid";
import { findPatientByMrId } from "@/lib/patients/find-by-mr-id";
import { readMrCard } from "@/lib/patients/mr-card";
import { mergePatients } from "@/lib/records/merge-patients";
import { createDoctor, createPatientAccount, createUser } from "./fixtures";

async function refusal(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("the MR card", () => {
  it("is shown to the patient's own account and to clinic staff, and to no other patient", async () => {
    const { actor, patient } = await createPatientAccount();
    const other = await createPatientAccount();
    const card = await readMrCard(actor, patient.id);
    expect(card).toMatchObject({ id: patient.id, mrId: patient.mrId, fullName: patient.fullName, sex: "female", dateOfBirth: "1992-05-01" });
    expect((await readMrCard(await createUser("rhu_staff"), patient.id)).mrId).toBe(patient.mrId);
    expect(isAppError(await refusal(readMrCard(other.actor, patient.id)), "not_found")).toBe(true);
    expect(isAppError(await refusal(readMrCard(actor, "nope")), "not_found")).toBe(true);
  });

  it("of a retired MR ID is its survivor's", async () => {
    const survivor = await createPatientAccount();
    const retired = await createPatientAccount();
    await mergePatients(await createUser("admin"), { survivorMrId: survivor.patient.mrId, retiredMrId: retired.patient.mrId, reason: "Same person, registered twice" });
    expect((await readMrCard(retired.actor, retired.patient.id)).mrId).toBe(survivor.patient.mrId);
  });
});

describe("opening a patient by MR ID", () => {
  it("finds the patient for staff, typed with dashes, and follows a merge", async () => {
    const doctor = await createDoctor();
    const survivor = await createPatientAccount();
    const retired = await createPatientAccount();
    expect(await findPatientByMrId(doctor, formatMrId(survivor.patient.mrId))).toEqual({ id: survivor.patient.id, mrId: survivor.patient.mrId, merged: false });
    await mergePatients(await createUser("admin"), { survivorMrId: survivor.patient.mrId, retiredMrId: retired.patient.mrId, reason: "Same person, registered twice" });
    expect(await findPatientByMrId(doctor, retired.patient.mrId)).toEqual({ id: survivor.patient.id, mrId: survivor.patient.mrId, merged: true });
  });

  it("refuses patients, a mistyped MR ID and an unknown one", async () => {
    const { actor, patient } = await createPatientAccount();
    const staff = await createUser("rhu_staff");
    expect(isAppError(await refusal(findPatientByMrId(actor, patient.mrId)), "not_found")).toBe(true);
    const swapped = patient.mrId.slice(0, 8) + patient.mrId[9] + patient.mrId[8];
    if (swapped !== patient.mrId) expect(isAppError(await refusal(findPatientByMrId(staff, swapped)), "mrid_check_digit")).toBe(true);
    expect(isAppError(await refusal(findPatientByMrId(staff, "12")), "mrid_format")).toBe(true);
    // Serial 999 999 999 is far beyond any test's: a valid MR ID nobody has.
    expect(isAppError(await refusal(findPatientByMrId(staff, mrIdFromSerial(999_999_999))), "not_found")).toBe(true);
  });
});
