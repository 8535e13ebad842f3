import { and, asc, eq, ilike, inArray, isNull, ne, or } from "drizzle-orm";
import { db } from "@/db";
import { clinicianProfiles, specialties, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { clinicianRoles } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";

const LIMIT = 20;

/**
 * Whom the clinician in a call may invite: the specialties, and active clinicians (doctors and
 * specialists with a profile, not themselves), both narrowed by `q` (a name, in either language
 * for specialties). Only the consultation's clinician sees the list.
 */
export async function listInvitable(actor: Actor, consultationId: string, q = "", locale: "en" | "ur" = "en") {
  const consultation = await findVisibleConsultation(actor, consultationId);
  if (consultation.viewerRole !== "clinician") throw notFound();
  const term = q.trim().slice(0, 60).replace(/[%_\\]/g, (c) => `\\${c}`);
  const like = `%${term}%`;
  const [specialtyRows, clinicianRows] = await Promise.all([
    db()
      .select({ code: specialties.code, nameEn: specialties.nameEn, nameUr: specialties.nameUr })
      .from(specialties)
      .where(term ? or(ilike(specialties.nameEn, like), ilike(specialties.nameUr, like), ilike(specialties.code, like)) : undefined)
      .orderBy(asc(specialties.nameEn)),
    db()
      .select({ id: users.id, name: users.name, specialtyEn: specialties.nameEn, specialtyUr: specialties.nameUr })
      .from(users)
      .innerJoin(clinicianProfiles, eq(clinicianProfiles.userId, users.id))
      .innerJoin(specialties, eq(specialties.code, clinicianProfiles.specialtyCode))
      .where(and(inArray(users.role, [...clinicianRoles]), isNull(users.disabledAt), ne(users.id, actor.id), term ? ilike(users.name, like) : undefined))
      .orderBy(asc(users.name))
      .limit(LIMIT),
  ]);
  const pick = (en: string, ur: string) => (locale === "ur" ? ur : en);
  return {
    specialties: specialtyRows.map((s) => ({ code: s.code, name: pick(s.nameEn, s.nameUr) })),
    clinicians: clinicianRows.map((c) => ({ id: c.id, name: c.name, specialty: pick(c.specialtyEn, c.specialtyUr) })),
  };
}
