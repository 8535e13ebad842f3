import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { adminScopes, districts, facilities, tehsils, users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { setWeeklyAvailability } from "@/lib/booking/weekly-sessions";
import type { WeeklyRule } from "@/lib/booking/slots";
import type { QueueName } from "@/lib/jobs/queue";
import { registerPatient } from "@/lib/patients/register-patient";
import { admitNext } from "@/lib/queue/admit";
import { checkIn } from "@/lib/queue/check-in";
import { patientConnected } from "@/lib/queue/presence";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A mobile number no other fixture uses: +9230 followed by 8 digits. */
export function uniquePhone(): string {
  return `+92300${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

/** A client address (10.x.y.z) no other fixture uses, for the per-client sign-in limits. */
export function uniqueClientAddress(): string {
  const n = 1 + Math.floor(Math.random() * 0xfffffe);
  return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
}

// There is no admin use case for creating accounts yet (issue: admin tools), so accounts are
// inserted directly; everything after that goes through the lib functions.
export async function createUser(role: Role, name = `${role} ${unique()}`): Promise<Actor> {
  const [user] = await db()
    .insert(users)
    .values({
      role,
      name,
      ...(role === "patient" ? { phone: uniquePhone() } : { email: `${unique()}@test.rabta.local` }),
    })
    .returning();
  return { id: user!.id, role: user!.role, name: user!.name };
}

/** Facility staff (an LHV, a nurse) who work at `facilityId`. */
export async function createStaffAt(facilityId: string, role: "rhu_staff" | "doctor" = "rhu_staff"): Promise<Actor> {
  const staff = await createUser(role);
  await db().update(users).set({ facilityId }).where(eq(users.id, staff.id));
  return staff;
}

/** A district health office's admin: scoped to one district, or to every one (`null`, a provincial office). */
export async function createAdmin(districtId: string | null, name = `Admin ${unique()}`): Promise<Actor> {
  const admin = await createUser("admin", name);
  await db().insert(adminScopes).values({ userId: admin.id, districtId });
  return admin;
}

export async function createPatientAccount(name = `Patient ${unique()}`) {
  const actor = await createUser("patient", name);
  const patient = await registerPatient(actor, { fullName: name, sex: "female", dateOfBirth: "1992-05-01" });
  return { actor, patient };
}

/** A doctor available every day, all day, so tests do not depend on the clock. */
export async function createDoctor(rule: Partial<WeeklyRule> = {}) {
  const doctor = await createUser("doctor", `Dr. ${unique()}`);
  const rules = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
    weekday,
    startMinute: 0,
    endMinute: 1440,
    slotMinutes: 15,
    ...rule,
  }));
  await setWeeklyAvailability(doctor, doctor.id, rules);
  return doctor;
}

/** A district of its own (with one tehsil), for tests of what a district office sees. */
export async function createDistrict(nameEn = `District ${unique()}`) {
  const [district] = await db().insert(districts).values({ nameEn, nameUr: nameEn, province: "Punjab", dhis2OrgUnitCode: `OU_${unique()}` }).returning();
  const [tehsil] = await db().insert(tehsils).values({ districtId: district!.id, nameEn, nameUr: nameEn }).returning();
  return { ...district!, tehsil: tehsil! };
}

let sharedDistrictId: string | undefined;
/** The district facilities are put in unless a test gives one. */
async function defaultDistrictId(): Promise<string> {
  sharedDistrictId ??= (await createDistrict()).id;
  return sharedDistrictId;
}

// Facilities have no admin use case that creates them (they come from the province's registry).
export async function createFacility(
  kind: "hub" | "spoke" = "hub",
  name = `Facility ${unique()}`,
  place: { districtId?: string; latitude?: number; longitude?: number } = {},
) {
  const districtId = place.districtId ?? (await defaultDistrictId());
  const [facility] = await db()
    .insert(facilities)
    .values({ name, kind, districtId, dhis2OrgUnitCode: `OU_${unique()}`, latitude: place.latitude, longitude: place.longitude })
    .returning();
  return facility!;
}

/** The jobs pg-boss holds in `queue` whose payload has `field` = `value`, oldest first. */
export async function queuedJobs(queue: QueueName, field: string, value: string): Promise<{ data: Record<string, unknown>; startAfter: Date }[]> {
  const rows = await db().execute<{ data: Record<string, unknown>; start_after: string }>(
    sql`select data, start_after from pgboss.job where name = ${queue} and data ->> ${field} = ${value} order by created_on, start_after`,
  );
  return rows.map((row) => ({ data: row.data, startAfter: new Date(row.start_after) }));
}

/**
 * Polls `probe` until it answers something truthy and returns that, or fails after `timeoutMs`
 * naming `what` was awaited: tests wait for a condition, never for a fixed time.
 */
export async function waitFor<T>(probe: () => T | Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A patient (on their own phone account) in a call with a doctor: booked, checked in and
 * admitted through the use cases, so the consultation has its encounter like any other.
 */
export async function consultationInCall(doctor?: Actor) {
  const clinician = doctor ?? (await createDoctor());
  const account = await createPatientAccount();
  const [slot] = await listOpenSlots(clinician.id);
  const appointment = await bookAppointment(account.actor, { patientId: account.patient.id, clinicianId: clinician.id, ...slot! });
  const { consultationId } = await checkIn(account.actor, appointment.id);
  await patientConnected(consultationId);
  const admitted = await admitNext(clinician);
  if (admitted.consultationId !== consultationId) throw new Error("the doctor admitted someone else");
  return { doctor: clinician, ...account, consultationId };
}
