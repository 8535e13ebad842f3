import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { clinicianProfiles, consultationInvitations, consultations, patients, users } from "@/db/schema";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/**
 * How the viewer takes part in the encounter. A "candidate" is a clinician of the specialty whose
 * shared queue the consultation waits in: they may see and admit it, nothing more, until then.
 * A "specialist" is a clinician who accepted an invitation into the call (lib/consult/invitations),
 * for as long as the call is on and the invitation was not removed.
 */
export type ConsultationRole = "clinician" | "candidate" | "patient" | "host" | "specialist";

/** What roleIn reads of a consultation (joined to its patient), for every query that checks access. */
export const accessColumns = {
  id: consultations.id,
  status: consultations.status,
  clinicianId: consultations.clinicianId,
  specialtyCode: consultations.specialtyCode,
  hostedBy: consultations.hostedBy,
  femaleClinicianRequested: consultations.femaleClinicianRequested,
  accountId: patients.accountId,
};

/**
 * A consultation as its participants see it: the patient's account, the clinician it is with,
 * and the facility staff hosting it. While it waits in a specialty's queue, that specialty's
 * clinicians see it too as candidates (female ones only, when a female clinician was asked for). Anyone else, including another patient or another
 * doctor, gets "not found", so that they cannot learn the consultation exists.
 */
export async function findVisibleConsultation(actor: Actor, consultationId: string) {
  if (!isUuid(consultationId)) throw notFound();
  const [row] = await db()
    .select({
      ...accessColumns,
      roomName: consultations.roomName,
      patientId: consultations.patientId,
      appointmentId: consultations.appointmentId,
      checkedInAt: consultations.checkedInAt,
      admittedAt: consultations.admittedAt,
      endedAt: consultations.endedAt,
      patientName: patients.fullName,
      mrId: patients.mrId,
      sex: patients.sex,
      dateOfBirth: patients.dateOfBirth,
      clinicianName: users.name,
    })
    .from(consultations)
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .leftJoin(users, eq(users.id, consultations.clinicianId))
    .where(eq(consultations.id, consultationId));
  if (!row) throw notFound();
  const role = await roleIn(actor, row);
  if (!role) throw notFound();
  return { ...row, viewerRole: role, viewerIsClinician: role === "clinician" };
}

type AccessRow = {
  id: string;
  accountId: string | null;
  clinicianId: string | null;
  specialtyCode: string | null;
  hostedBy: string | null;
  femaleClinicianRequested: boolean;
  status: string;
};

/** The actor's part in a consultation as it stands (callers holding a row lock re-check with this). */
export async function roleIn(actor: Actor, row: AccessRow): Promise<ConsultationRole | null> {
  if (actor.role === "patient") return row.accountId === actor.id ? "patient" : null;
  if (row.clinicianId === actor.id && clinicianRoles.includes(actor.role)) return "clinician";
  if (row.hostedBy === actor.id) return "host";
  if (row.clinicianId === null && row.status === "waiting" && row.specialtyCode && clinicianRoles.includes(actor.role)) {
    const [profile] = await db()
      .select({ specialtyCode: clinicianProfiles.specialtyCode, sex: clinicianProfiles.sex })
      .from(clinicianProfiles)
      .where(eq(clinicianProfiles.userId, actor.id));
    const suits = !row.femaleClinicianRequested || profile?.sex === "female";
    if (profile?.specialtyCode === row.specialtyCode && suits) return "candidate";
  }
  if (row.status === "in_call" && clinicianRoles.includes(actor.role)) {
    const [invitation] = await db()
      .select({ id: consultationInvitations.id })
      .from(consultationInvitations)
      .where(
        and(
          eq(consultationInvitations.consultationId, row.id),
          eq(consultationInvitations.inviteeId, actor.id),
          eq(consultationInvitations.status, "accepted"),
        ),
      )
      .limit(1);
    if (invitation) return "specialist";
  }
  return null;
}

export type VisibleConsultation = Awaited<ReturnType<typeof findVisibleConsultation>>;
