import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents } from "@/db/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { listAccountAppointments } from "@/lib/booking/list-appointments";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { hasValidCheckDigit } from "@/lib/mrid/mrid";
import { addDependant, type AddDependantInput } from "@/lib/patients/add-dependant";
import { listAccountPatients } from "@/lib/patients/find-patients";
import { HOUSEHOLD_MAX } from "@/lib/patients/household";
import { createDoctor, createPatientAccount, createUser } from "./fixtures";

function uniqueCnic(): string {
  return `35202${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

const child = (overrides: Partial<AddDependantInput> = {}): AddDependantInput => ({
  fullName: "Ahmed Ali",
  sex: "male",
  dateOfBirth: "2017-04-12",
  relation: "child",
  ...overrides,
});

describe("adding a family member", () => {
  it("gives a child and a parent each their own valid MR ID on the same account, audited", async () => {
    const cnic = uniqueCnic();
    const { actor, patient: self } = await createPatientAccount();
    const son = await addDependant(actor, child());
    const mother = await addDependant(actor, {
      fullName: "Zubaida Begum",
      sex: "female",
      dateOfBirth: "1951-09-30",
      relation: "parent",
      cnic: `${cnic.slice(0, 5)}-${cnic.slice(5, 12)}-${cnic.slice(12)}`,
    });

    const ids = [self.mrId, son.mrId, mother.mrId];
    expect(new Set(ids).size).toBe(3);
    for (const mrId of ids) expect(hasValidCheckDigit(mrId)).toBe(true);
    expect(son).toMatchObject({ accountId: actor.id, relation: "child", cnic: null, phone: self.phone });
    expect(mother).toMatchObject({ accountId: actor.id, relation: "parent", cnic });

    const household = await listAccountPatients(actor);
    expect(household.map((p) => p.id)).toEqual([self.id, son.id, mother.id]);

    const audit = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, son.id), eq(auditEvents.action, "patient.add_dependant")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: actor.id, details: { relation: "child" } });
  });

  it("warns at the name field about someone already on the phone with the same name and birth date", async () => {
    const { actor, patient: self } = await createPatientAccount();
    await addDependant(actor, child());

    await expect(addDependant(actor, child({ fullName: "  ahmed   ALI " }))).rejects.toMatchObject({
      code: "conflict",
      messageKey: "dependant_duplicate",
      fieldErrors: { fullName: "dependant_duplicate" },
    });
    await expect(
      addDependant(actor, child({ fullName: self.fullName, dateOfBirth: self.dateOfBirth, relation: "other" })),
    ).rejects.toMatchObject({ code: "conflict", fieldErrors: { fullName: "dependant_duplicate" } });

    // A twin has the birthday but not the name; another account may have its own Ahmed Ali.
    await expect(addDependant(actor, child({ fullName: "Hamza Ali" }))).resolves.toMatchObject({ relation: "child" });
    const neighbour = await createPatientAccount();
    await expect(addDependant(neighbour.actor, child())).resolves.toMatchObject({ accountId: neighbour.actor.id });
  });

  it("reports each bad field, and refuses 'self' as a family member's relation", async () => {
    const { actor } = await createPatientAccount();
    await expect(
      addDependant(actor, { fullName: "", sex: "", dateOfBirth: "2999-01-01", relation: "self", cnic: "12" }),
    ).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: {
        fullName: "name_required",
        sex: "sex_required",
        dateOfBirth: "dob_invalid",
        relation: "relation_required",
        cnic: "cnic_invalid",
      },
    });
    expect(await listAccountPatients(actor)).toHaveLength(1);
  });

  it("keeps a CNIC with the person who registered it first", async () => {
    const cnic = uniqueCnic();
    const first = await createPatientAccount();
    await addDependant(first.actor, child({ fullName: "Saima", sex: "female", dateOfBirth: "1995-01-01", relation: "sibling", cnic }));
    const other = await createPatientAccount();
    await expect(
      addDependant(other.actor, child({ fullName: "Saima Bibi", dateOfBirth: "1995-01-01", relation: "spouse", cnic })),
    ).rejects.toMatchObject({ code: "conflict", fieldErrors: { cnic: "cnic_taken" } });
  });

  it("asks the account holder to register first", async () => {
    const account = await createUser("patient");
    await expect(addDependant(account, child())).rejects.toMatchObject({
      code: "conflict",
      messageKey: "household_register_first",
    });
  });

  it("answers 'not found' to staff, who register walk-ins instead", async () => {
    for (const role of ["rhu_staff", "doctor", "admin"] as const) {
      await expect(addDependant(await createUser(role), child())).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe("the household cap", () => {
  it(`stops at ${HOUSEHOLD_MAX} patients, the account holder included`, async () => {
    const { actor } = await createPatientAccount();
    for (let i = 1; i < HOUSEHOLD_MAX; i++) {
      await addDependant(actor, child({ fullName: `Child ${i}`, dateOfBirth: `2010-01-${String(i).padStart(2, "0")}` }));
    }
    await expect(addDependant(actor, child({ fullName: "One Too Many" }))).rejects.toMatchObject({
      code: "conflict",
      messageKey: "household_full",
    });
    expect(await listAccountPatients(actor)).toHaveLength(HOUSEHOLD_MAX);
  });

  it("holds when many members are added at the same moment", async () => {
    const { actor } = await createPatientAccount();
    const results = await Promise.allSettled(
      Array.from({ length: HOUSEHOLD_MAX + 4 }, (_, i) => addDependant(actor, child({ fullName: `Twin ${i}` }))),
    );
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(HOUSEHOLD_MAX - 1);
    for (const failure of refused) expect(failure.reason).toMatchObject({ code: "conflict", messageKey: "household_full" });
    expect(await listAccountPatients(actor)).toHaveLength(HOUSEHOLD_MAX);
  });
});

describe("a family member's privacy", () => {
  it("lets the household book for a child, and answers 'not found' to another account", async () => {
    const doctor = await createDoctor();
    const family = await createPatientAccount();
    const son = await addDependant(family.actor, child());
    const stranger = await createPatientAccount();
    const [first, second] = await listOpenSlots(doctor.id, new Date(Date.now() + 60 * 60_000));

    await expect(
      bookAppointment(stranger.actor, { patientId: son.id, clinicianId: doctor.id, ...second! }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await listAccountPatients(stranger.actor)).map((p) => p.id)).not.toContain(son.id);

    const booked = await bookAppointment(family.actor, { patientId: son.id, clinicianId: doctor.id, ...first! });
    expect(booked.patientId).toBe(son.id);
    expect((await listAccountPatients(family.actor)).map((p) => p.id)).toContain(son.id);
    const mine = await listAccountAppointments(family.actor);
    expect(mine.find((a) => a.id === booked.id)).toMatchObject({ patientName: "Ahmed Ali", mrId: son.mrId });
    expect((await listAccountAppointments(stranger.actor)).map((a) => a.id)).not.toContain(booked.id);
  });
});
