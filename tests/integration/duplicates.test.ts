import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { findLikelyDuplicates } from "@/lib/patients/duplicates";
import { formatCnic, formatPkMobileLocal } from "@/lib/identifiers/identifiers";
import { insertPatientWithMrId } from "@/lib/patients/insert-patient";
import { createUser, uniquePhone } from "./fixtures";

function uniqueCnic(): string {
  return `35202${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

type Registered = { fullName: string; dateOfBirth: string; phone?: string | null; cnic?: string | null };

/** A patient as registration stores them (E.164 phone, 13-digit CNIC), under a real MR ID. */
async function register(person: Registered) {
  const staff = await createUser("rhu_staff");
  return db().transaction((tx) =>
    insertPatientWithMrId(
      tx,
      staff.id,
      { sex: "female", phone: null, cnic: null, ...person },
      { action: "patient.register" },
    ),
  );
}

describe("findLikelyDuplicates", () => {
  it("finds a patient with the same name and date of birth by phone, as typed at the desk", async () => {
    const phone = uniquePhone();
    const existing = await register({ fullName: "Rukhsana Bibi", dateOfBirth: "1979-02-14", phone });

    const found = await findLikelyDuplicates(db(), {
      fullName: "Mrs. RUKHSANA  bibi",
      dateOfBirth: "1979-02-14",
      phone: formatPkMobileLocal(phone),
      cnic: null,
    });
    expect(found).toEqual([
      { id: existing.id, mrId: existing.mrId, fullName: "Rukhsana Bibi", dateOfBirth: "1979-02-14", phone },
    ]);
  });

  it("finds a patient by CNIC when the phone differs or is missing", async () => {
    const cnic = uniqueCnic();
    const existing = await register({ fullName: "Ghulam Fatima", dateOfBirth: "1965-07-01", cnic });

    for (const phone of [null, uniquePhone()]) {
      const found = await findLikelyDuplicates(db(), {
        fullName: "Ghulam Fatima",
        dateOfBirth: "1965-07-01",
        phone,
        cnic: formatCnic(cnic),
      });
      expect(found.map((p) => p.id)).toEqual([existing.id]);
    }
  });

  it("leaves out patients with another name, another birthday or no contact in common", async () => {
    const phone = uniquePhone();
    const cnic = uniqueCnic();
    await register({ fullName: "Hamza Ali", dateOfBirth: "2016-03-09", phone }); // twin on the same phone
    await register({ fullName: "Ahmed Ali", dateOfBirth: "2016-03-10", phone, cnic }); // other birthday
    await register({ fullName: "Ahmed Ali", dateOfBirth: "2016-03-09", phone: uniquePhone() }); // other family

    const found = await findLikelyDuplicates(db(), { fullName: "Ahmed Ali", dateOfBirth: "2016-03-09", phone, cnic });
    expect(found).toEqual([]);
  });

  it("returns every match, oldest registration first", async () => {
    const phone = uniquePhone();
    const first = await register({ fullName: "Nasreen Akhtar", dateOfBirth: "1988-11-02", phone });
    const second = await register({ fullName: "Dr. Nasreen Akhtar", dateOfBirth: "1988-11-02", phone });

    const found = await findLikelyDuplicates(db(), {
      fullName: "nasreen akhtar",
      dateOfBirth: "1988-11-02",
      phone,
      cnic: null,
    });
    expect(found.map((p) => p.id)).toEqual([first.id, second.id]);
  });

  it("sees patients inserted earlier in the same transaction", async () => {
    const phone = uniquePhone();
    const staff = await createUser("rhu_staff");
    const rolledBack = new Error("roll back");
    await expect(
      db().transaction(async (tx) => {
        const inserted = await insertPatientWithMrId(
          tx,
          staff.id,
          { fullName: "Sadia Parveen", sex: "female", dateOfBirth: "1995-05-05", phone, cnic: null },
          { action: "patient.register" },
        );
        const person = { fullName: "Sadia Parveen", dateOfBirth: "1995-05-05", phone, cnic: null };
        expect((await findLikelyDuplicates(tx, person)).map((p) => p.id)).toEqual([inserted.id]);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await findLikelyDuplicates(db(), { fullName: "Sadia Parveen", dateOfBirth: "1995-05-05", phone, cnic: null })).toEqual([]);
  });

  it("looks nothing up without a usable phone or CNIC, or with a malformed date of birth", async () => {
    const phone = uniquePhone();
    await register({ fullName: "Zainab", dateOfBirth: "2001-07-30", phone });

    const person = { fullName: "Zainab", dateOfBirth: "2001-07-30", phone: null, cnic: null };
    expect(await findLikelyDuplicates(db(), person)).toEqual([]);
    expect(await findLikelyDuplicates(db(), { ...person, phone: "042-35761234", cnic: "123" })).toEqual([]);
    expect(await findLikelyDuplicates(db(), { ...person, phone, dateOfBirth: "2001-02-30" })).toEqual([]);
    expect(await findLikelyDuplicates(db(), { ...person, phone, dateOfBirth: "" })).toEqual([]);
  });
});
