import { describe, expect, it } from "vitest";
import { formatMrId, hasValidCheckDigit } from "@/lib/mrid/mrid";
import { findPatients } from "@/lib/patients/find-patients";
import { registerPatient } from "@/lib/patients/register-patient";
import { createUser } from "./fixtures";

function uniqueCnic(): string {
  return `35202${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

describe("registering a patient", () => {
  it("issues a valid, unique MR ID and stores the CNIC once", async () => {
    const cnic = uniqueCnic();
    const account = await createUser("patient");
    const patient = await registerPatient(account, {
      fullName: "Rukhsana Bibi",
      sex: "female",
      dateOfBirth: "1979-02-14",
      cnic: `${cnic.slice(0, 5)}-${cnic.slice(5, 12)}-${cnic.slice(12)}`,
    });
    expect(hasValidCheckDigit(patient.mrId)).toBe(true);
    expect(patient.cnic).toBe(cnic);
    expect(patient.accountId).toBe(account.id);

    const other = await createUser("patient");
    await expect(
      registerPatient(other, { fullName: "Someone Else", sex: "male", dateOfBirth: "1980-01-01", cnic }),
    ).rejects.toMatchObject({ code: "conflict", fieldErrors: { cnic: "cnic_taken" } });
  });

  it("reports every bad field with its own message key", async () => {
    const account = await createUser("patient");
    await expect(
      registerPatient(account, { fullName: "A", sex: "", dateOfBirth: "2999-01-01", cnic: "123" }),
    ).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { fullName: "name_required", sex: "sex_required", dateOfBirth: "dob_invalid", cnic: "cnic_invalid" },
    });
  });
});

describe("finding a patient", () => {
  it("lets staff find a patient by MR ID, CNIC or mobile number", async () => {
    const cnic = uniqueCnic();
    const account = await createUser("patient");
    const patient = await registerPatient(account, { fullName: "Zainab", sex: "female", dateOfBirth: "2001-07-30", cnic });
    const staff = await createUser("rhu_staff");

    const ids = async (query: string) => (await findPatients(staff, query)).map((p) => p.id);
    expect(await ids(formatMrId(patient.mrId))).toEqual([patient.id]);
    expect(await ids(cnic)).toEqual([patient.id]);
    expect(await ids(`0${patient.phone!.slice(3)}`)).toContain(patient.id);
  });

  it("rejects a mistyped MR ID by its check digit before looking anything up", async () => {
    const staff = await createUser("rhu_staff");
    const account = await createUser("patient");
    const patient = await registerPatient(account, { fullName: "Typo Test", sex: "male", dateOfBirth: "1990-01-01" });
    const digits = patient.mrId.split("");
    digits[3] = String((Number(digits[3]) + 1) % 10);
    await expect(findPatients(staff, digits.join(""))).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { query: "mrid_check_digit" },
    });
  });

  it("answers 'not found' to a patient who tries to search", async () => {
    const patient = await createUser("patient");
    await expect(findPatients(patient, "0001000015")).rejects.toMatchObject({ code: "not_found" });
  });
});
