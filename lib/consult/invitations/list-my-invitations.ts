import { and, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { clinicianProfiles, consultationInvitations, consultations, specialties, users } from "@/db/schema";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";

const inviter = alias(users, "inviter");

/**
 * The invitations into calls that are on and that the clinician may answer or join: asked by
 * name, or to their specialty while no one has taken it (not by themselves, nor into their own
 * call), and those they accepted and were not removed from. The patient's name is not shown
 * before they accept: until then the specialist is not in the patient's care.
 */
export async function listMyInvitations(actor: Actor) {
  if (!clinicianRoles.includes(actor.role)) return [];
  const [profile] = await db().select({ specialtyCode: clinicianProfiles.specialtyCode }).from(clinicianProfiles).where(eq(clinicianProfiles.userId, actor.id));
  const forSpecialty = profile
    ? and(
        eq(consultationInvitations.specialtyCode, profile.specialtyCode),
        isNull(consultationInvitations.inviteeId),
        ne(consultationInvitations.invitedBy, actor.id),
        sql`${consultations.clinicianId} is distinct from ${actor.id}`,
      )
    : undefined;
  const rows = await db()
    .select({
      id: consultationInvitations.id,
      consultationId: consultationInvitations.consultationId,
      status: consultationInvitations.status,
      reason: consultationInvitations.reason,
      createdAt: consultationInvitations.createdAt,
      consentedAt: consultationInvitations.consentedAt,
      invitedByName: inviter.name,
      specialtyEn: specialties.nameEn,
      specialtyUr: specialties.nameUr,
    })
    .from(consultationInvitations)
    .innerJoin(consultations, eq(consultations.id, consultationInvitations.consultationId))
    .innerJoin(inviter, eq(inviter.id, consultationInvitations.invitedBy))
    .leftJoin(specialties, eq(specialties.code, consultationInvitations.specialtyCode))
    .where(
      and(
        eq(consultations.status, "in_call"),
        inArray(consultationInvitations.status, ["pending", "accepted"]),
        or(eq(consultationInvitations.inviteeId, actor.id), forSpecialty),
      ),
    )
    .orderBy(desc(consultationInvitations.createdAt));
  return rows.map(({ specialtyEn, specialtyUr, ...row }) => ({ ...row, specialty: specialtyEn ? { en: specialtyEn, ur: specialtyUr! } : null }));
}

export type MyInvitation = Awaited<ReturnType<typeof listMyInvitations>>[number];
