import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { clinicianProfiles, consultationInvitations, specialties, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";
import { specialistIdentity } from "../call-identity";

/**
 * The invited side of a call as its participants see it: each invitation still open or
 * accepted, whom it is to, and whether the patient's side has consented. The patient or host
 * reads it on joining, so that a consent asked while they were not yet in the room is still asked.
 */
export async function listCallGuests(actor: Actor, consultationId: string) {
  const consultation = await findVisibleConsultation(actor, consultationId);
  if (consultation.viewerRole === "candidate") throw notFound();
  const rows = await db()
    .select({
      id: consultationInvitations.id,
      status: consultationInvitations.status,
      inviteeId: consultationInvitations.inviteeId,
      consentedAt: consultationInvitations.consentedAt,
      name: users.name,
      specialty: specialties.nameEn,
      askedSpecialty: consultationInvitations.specialtyCode,
    })
    .from(consultationInvitations)
    .leftJoin(users, eq(users.id, consultationInvitations.inviteeId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, consultationInvitations.inviteeId))
    .leftJoin(specialties, eq(specialties.code, clinicianProfiles.specialtyCode))
    .where(and(eq(consultationInvitations.consultationId, consultation.id), inArray(consultationInvitations.status, ["pending", "accepted"])))
    .orderBy(asc(consultationInvitations.createdAt));
  return {
    viewerRole: consultation.viewerRole,
    guests: rows.map((row) => ({
      invitationId: row.id,
      status: row.status,
      identity: row.status === "accepted" && row.inviteeId ? specialistIdentity(row.inviteeId, row.id) : null,
      name: row.name,
      specialty: row.specialty ?? row.askedSpecialty,
      consented: row.consentedAt !== null,
    })),
  };
}
