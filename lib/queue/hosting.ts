import { and, asc, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import {
  clinicianPresence,
  clinicianProfiles,
  consultations,
  patients,
  specialties,
  users,
  type ConsultationStatus,
  type TriageLevel,
} from "@/db/schema";
import { clinicianRoles, hostRoles, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";

/** Who hosts walk-ins on a facility device: health-unit staff, and admins standing in for them. */
export { hostRoles };

/** How far back "today's visits" reach: a shift that runs past midnight keeps its patients. */
const HOSTED_VISITS_WINDOW_MS = 24 * 60 * 60_000;

type SpecialtyName = { code: string; nameEn: string; nameUr: string };

export type RoutingTargets = {
  /** Clinicians online now, by name. */
  clinicians: Array<{ id: string; name: string; sex: "female" | "male" | "other"; specialty: SpecialtyName }>;
  /** Specialties with at least one clinician online, with how many and whether a woman is among them. */
  specialties: Array<SpecialtyName & { online: number; femaleOnline: boolean }>;
};

/**
 * Where facility staff can send a walk-in right now: each clinician who is online, and each
 * specialty's shared queue that has someone online to take from it. Only online clinicians are
 * offered because `queueWalkIn` refuses the others; a busy clinician finishes a call first.
 */
export async function listRoutingTargets(): Promise<RoutingTargets> {
  const rows = await routableClinicians();
  return toTargets(rows);
}

/**
 * The clinicians patients may be routed to now: online, not disabled, still a clinician. The one
 * definition, for the choices offered and for the check when a patient is sent (inside its transaction).
 */
export async function routableClinicians(q: DbOrTx = db()) {
  return q
    .select({
      id: users.id,
      name: users.name,
      sex: clinicianProfiles.sex,
      code: specialties.code,
      nameEn: specialties.nameEn,
      nameUr: specialties.nameUr,
    })
    .from(clinicianPresence)
    .innerJoin(users, eq(users.id, clinicianPresence.userId))
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.userId, users.id))
    .innerJoin(specialties, eq(specialties.code, clinicianProfiles.specialtyCode))
    .where(and(eq(clinicianPresence.status, "online"), isNull(users.disabledAt), inArray(users.role, [...clinicianRoles])))
    .orderBy(asc(users.name), asc(users.id));
}

function toTargets(rows: Awaited<ReturnType<typeof routableClinicians>>): RoutingTargets {
  const bySpecialty = new Map<string, RoutingTargets["specialties"][number]>();
  for (const row of rows) {
    const entry = bySpecialty.get(row.code) ?? { code: row.code, nameEn: row.nameEn, nameUr: row.nameUr, online: 0, femaleOnline: false };
    entry.online += 1;
    entry.femaleOnline ||= row.sex === "female";
    bySpecialty.set(row.code, entry);
  }
  return {
    clinicians: rows.map((row) => ({
      id: row.id,
      name: row.name,
      sex: row.sex,
      specialty: { code: row.code, nameEn: row.nameEn, nameUr: row.nameUr },
    })),
    specialties: [...bySpecialty.values()].sort((a, b) => a.nameEn.localeCompare(b.nameEn)),
  };
}

export type HostedVisit = {
  consultationId: string;
  status: ConsultationStatus;
  triage: TriageLevel;
  patientName: string;
  mrId: string;
  clinicianName: string | null;
  specialty: { nameEn: string; nameUr: string } | null;
  createdAt: Date;
};

/**
 * The visits this staff member has hosted in the last 24 hours, newest first. Only their own:
 * another host's patients are not theirs to see, even at the same facility.
 */
export async function listHostedVisits(actor: Actor, now = new Date()): Promise<HostedVisit[]> {
  if (!hostRoles.includes(actor.role)) throw notFound();
  const since = new Date(now.getTime() - HOSTED_VISITS_WINDOW_MS);
  const rows = await db()
    .select({
      consultationId: consultations.id,
      status: consultations.status,
      triage: consultations.triage,
      patientName: patients.fullName,
      mrId: patients.mrId,
      clinicianName: users.name,
      specialtyEn: specialties.nameEn,
      specialtyUr: specialties.nameUr,
      createdAt: consultations.createdAt,
    })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .leftJoin(users, eq(users.id, consultations.clinicianId))
    .leftJoin(specialties, eq(specialties.code, consultations.specialtyCode))
    .where(and(eq(consultations.hostedBy, actor.id), gt(consultations.createdAt, since)))
    .orderBy(desc(consultations.createdAt), desc(consultations.id));
  return rows.map(({ specialtyEn, specialtyUr, ...row }) => ({
    ...row,
    specialty: specialtyEn !== null && specialtyUr !== null ? { nameEn: specialtyEn, nameUr: specialtyUr } : null,
  }));
}
