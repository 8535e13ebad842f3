import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo";
import { formatMrId, mrIdFromSerial } from "@/lib/mrid/mrid";
import { adminScopes, availabilityRules, equipmentOutages, facilityEquipment, clinicianPresence, clinicianProfiles, districts, facilities, onCallShifts, patients, tehsils, users } from "./schema";

export type DemoAccount = { role: string; name: string; login: string; password?: string; note?: string };

/** Local-development demo password; these accounts exist only in seeded demo databases. */
export const DEMO_PASSWORD = DEMO_STAFF_PASSWORD;
export const DEMO_PATIENT_PHONE = "+923001234567";

const staff = [
  { id: "00000000-0000-4000-8000-000000000002", role: "rhu_staff", name: "Shazia Parveen (LHV)", email: "lhv@rabta.local" },
  { id: "00000000-0000-4000-8000-000000000003", role: "doctor", name: "Dr. Ayesha Khan", email: "doctor@rabta.local" },
  { id: "00000000-0000-4000-8000-000000000004", role: "specialist", name: "Dr. Imran Qureshi", email: "specialist@rabta.local" },
  { id: "00000000-0000-4000-8000-000000000005", role: "admin", name: "District Health Office Muzaffargarh", email: "admin@rabta.local" },
  { id: "00000000-0000-4000-8000-000000000006", role: "specialist", name: "Dr. Farah Naz", email: "gynae@rabta.local" },
  { id: "00000000-0000-4000-8000-000000000007", role: "admin", name: "Provincial Health Office", email: "province@rabta.local" },
] as const;

// Two districts of one province, so that a district office's scope shows: the demo admin answers
// for Muzaffargarh, the provincial admin for both. Org-unit codes are made up in DHIS2's style.
const muzaffargarh = {
  id: "00000000-0000-4000-8000-000000000201",
  nameEn: "Muzaffargarh",
  nameUr: "مظفر گڑھ",
  province: "Punjab",
  dhis2OrgUnitCode: "PB_MZG",
} as const;
const layyah = { id: "00000000-0000-4000-8000-000000000202", nameEn: "Layyah", nameUr: "لیہ", province: "Punjab", dhis2OrgUnitCode: "PB_LYH" } as const;
const tehsilMuzaffargarh = {
  id: "00000000-0000-4000-8000-000000000211",
  districtId: muzaffargarh.id,
  nameEn: "Muzaffargarh",
  nameUr: "مظفر گڑھ",
  dhis2OrgUnitCode: "PB_MZG_MZG",
} as const;
const tehsilLayyah = { id: "00000000-0000-4000-8000-000000000212", districtId: layyah.id, nameEn: "Layyah", nameUr: "لیہ", dhis2OrgUnitCode: "PB_LYH_LYH" } as const;

// A district hospital (the hub) and one of the Basic Health Units it supports (a spoke), and a
// health unit in the next district. Coordinates are the towns' (approximate, for the geofence).
const inMuzaffargarh = { districtId: muzaffargarh.id, tehsilId: tehsilMuzaffargarh.id } as const;
const hub = {
  id: "00000000-0000-4000-8000-000000000101",
  name: "DHQ Hospital Muzaffargarh",
  kind: "hub",
  ...inMuzaffargarh,
  dhis2OrgUnitCode: "PB_MZG_DHQ",
  latitude: 30.0703,
  longitude: 71.1933,
} as const;
const spoke = {
  id: "00000000-0000-4000-8000-000000000102",
  name: "BHU Basti Malook",
  kind: "spoke",
  ...inMuzaffargarh,
  dhis2OrgUnitCode: "PB_MZG_BHU_BM",
  latitude: 30.0421,
  longitude: 71.2405,
} as const;
const layyahSpoke = {
  id: "00000000-0000-4000-8000-000000000103",
  name: "RHU Chowk Azam",
  kind: "spoke",
  districtId: layyah.id,
  tehsilId: tehsilLayyah.id,
  dhis2OrgUnitCode: "PB_LYH_RHU_CA",
  latitude: 30.9667,
  longitude: 71.2167,
} as const;

// Two women and a man across three specialties and several languages, so that every filter on
// "find care" changes what the demo shows. The registration numbers are made up (PMDC's shape).
const profiles = [
  { userId: staff[1].id, sex: "female", specialtyCode: "general", languages: ["ur", "en", "pa"], facilityId: hub.id, registrationNumber: "12345-P" },
  { userId: staff[2].id, sex: "male", specialtyCode: "paediatrics", languages: ["ur", "en", "ps"], facilityId: hub.id, registrationNumber: "23456-P" },
  { userId: staff[4].id, sex: "female", specialtyCode: "gynaecology", languages: ["ur", "sd", "en"], facilityId: hub.id, registrationNumber: "34567-S" },
] as const;

const patientAccountId = "00000000-0000-4000-8000-000000000001";
const everyDay = [0, 1, 2, 3, 4, 5, 6];

/**
 * Deterministic demo data; running it again changes nothing. The demo doctor is available
 * around the clock so that the whole loop can be tried at any hour.
 */
export async function seedDemo(databaseUrl: string): Promise<DemoAccount[]> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { casing: "snake_case" });
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db
      .insert(users)
      .values(staff.map((s) => ({ ...s, passwordHash })))
      .onConflictDoNothing();
    await db
      .insert(users)
      .values({ id: patientAccountId, role: "patient", name: "Amina Bibi", phone: DEMO_PATIENT_PHONE })
      .onConflictDoNothing();

    const [existingPatient] = await db.select().from(patients).where(eq(patients.accountId, patientAccountId));
    if (!existingPatient) {
      const [next] = await db.execute<{ serial: string }>(sql`select nextval('mr_id_serial') as serial`);
      await db.insert(patients).values({
        mrId: mrIdFromSerial(Number(next!.serial)),
        accountId: patientAccountId,
        relation: "self",
        fullName: "Amina Bibi",
        sex: "female",
        dateOfBirth: "1990-04-12",
        phone: DEMO_PATIENT_PHONE,
        createdBy: patientAccountId,
      });
    }

    await db.insert(districts).values([muzaffargarh, layyah]).onConflictDoNothing();
    await db.insert(tehsils).values([tehsilMuzaffargarh, tehsilLayyah]).onConflictDoNothing();
    await db.insert(facilities).values([hub, spoke, layyahSpoke]).onConflictDoNothing();
    // The demo LHV works at the demo health unit: what she triages is that facility's.
    await db
      .update(users)
      .set({ facilityId: spoke.id })
      .where(and(eq(users.id, staff[0].id), isNull(users.facilityId)));
    // The health unit's equipment: no ECG or ultrasound, and the glucometer out of strips, so
    // its intake form leaves glucose out and says why.
    const unitHas = ["bp_apparatus", "glucometer", "pulse_oximeter", "weighing_scale", "thermometer", "rapid_tests", "oxygen", "internet", "power"] as const;
    await db
      .insert(facilityEquipment)
      .values([...unitHas.map((kind) => ({ facilityId: spoke.id, kind, present: true, updatedBy: staff[0].id })), ...(["ecg", "ultrasound"] as const).map((kind) => ({ facilityId: spoke.id, kind, present: false, updatedBy: staff[0].id }))])
      .onConflictDoNothing();
    const [openOutage] = await db.select({ id: equipmentOutages.id }).from(equipmentOutages).where(eq(equipmentOutages.facilityId, spoke.id)).limit(1);
    if (!openOutage) {
      await db.insert(equipmentOutages).values({ facilityId: spoke.id, kind: "glucometer", reason: "Test strips finished; indent sent to the district store", startedAt: new Date(Date.now() - 2 * 24 * 60 * 60_000), reportedBy: staff[0].id });
    }
    await db
      .insert(adminScopes)
      .values([
        { userId: staff[3].id, districtId: muzaffargarh.id },
        { userId: staff[5].id, districtId: null },
      ])
      .onConflictDoNothing();
    await db
      .insert(clinicianProfiles)
      .values(profiles.map((p) => ({ ...p, languages: [...p.languages] })))
      // A database seeded before registration numbers existed gets them too.
      .onConflictDoUpdate({ target: clinicianProfiles.userId, set: { registrationNumber: sql`excluded.registration_number` } });

    const doctorId = staff[1].id;
    const specialistId = staff[2].id;
    const gynaecologistId = staff[4].id;
    const mondayToSaturday = [1, 2, 3, 4, 5, 6];
    const demoRules = [
      ...everyDay.map((weekday) => ({ clinicianId: doctorId, weekday, startMinute: 0, endMinute: 1440, slotMinutes: 15 })),
      ...mondayToSaturday.map((weekday) => ({
        clinicianId: specialistId,
        weekday,
        startMinute: 9 * 60,
        endMinute: 13 * 60,
        slotMinutes: 20,
      })),
      ...mondayToSaturday.map((weekday) => ({
        clinicianId: gynaecologistId,
        weekday,
        startMinute: 14 * 60,
        endMinute: 18 * 60,
        slotMinutes: 20,
      })),
    ];
    for (const clinicianId of [doctorId, specialistId, gynaecologistId]) {
      const [existing] = await db.select().from(availabilityRules).where(eq(availabilityRules.clinicianId, clinicianId)).limit(1);
      if (!existing) await db.insert(availabilityRules).values(demoRules.filter((r) => r.clinicianId === clinicianId));
    }

    const [patient] = await db.select().from(patients).where(eq(patients.accountId, patientAccountId));
    // The demo doctor takes "see a doctor now" patients for general illness for the next 30 days,
    // so the on-call pool can be tried at once; the admin adds more shifts at /on-call.
    const now = new Date();
    const [covering] = await db
      .select()
      .from(onCallShifts)
      .where(and(eq(onCallShifts.clinicianId, doctorId), lte(onCallShifts.startsAt, now), gt(onCallShifts.endsAt, now)))
      .limit(1);
    if (!covering) {
      const days = 30;
      await db.insert(onCallShifts).values(
        Array.from({ length: days }, (_, day) => ({
          clinicianId: doctorId,
          need: "general" as const,
          startsAt: new Date(now.getTime() - 60 * 60_000 + day * 24 * 60 * 60_000),
          endsAt: new Date(now.getTime() - 60 * 60_000 + (day + 1) * 24 * 60 * 60_000),
          createdBy: staff[3].id,
        })),
      );
    }

    // The demo clinicians start online, so RHU staff can send walk-ins to them at once; each
    // sets their own status on the queue page.
    await db
      .insert(clinicianPresence)
      .values([doctorId, specialistId, gynaecologistId].map((userId) => ({ userId, status: "online" as const })))
      .onConflictDoNothing();

    return [
      { role: "patient", name: "Amina Bibi", login: "0300-1234567", note: `SMS code from /dev/outbox · MR ID ${patient ? formatMrId(patient.mrId) : "?"}` },
      ...staff.map((s) => ({ role: s.role, name: s.name, login: s.email, password: DEMO_PASSWORD })),
    ];
  } finally {
    await client.end();
  }
}
