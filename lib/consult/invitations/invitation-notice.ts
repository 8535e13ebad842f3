import { and, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { clinicianProfiles, consultationInvitations, specialties, users } from "@/db/schema";
import { clinicianRoles } from "@/lib/auth/roles";
import { defaultLocale, serverTranslator } from "@/lib/i18n/config";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { sendSmsOnce } from "@/lib/sms/send-sms";

/** The payload of one `invitation-notice` job. */
export const invitationNoticeJob = z.object({ invitationId: z.uuid() });

/** Queues the text to the invited, inside the transaction that creates the invitation. */
export async function queueInvitationNotice(tx: Transaction, invitationId: string): Promise<void> {
  await enqueueInTransaction(tx, [{ name: QUEUES.invitationNotice, data: { invitationId } }]);
}

/**
 * The worker side: a text to each clinician the invitation is for (the named one, or every
 * active clinician of the specialty but the inviter), in their language, once each (the outbox's
 * dedupe key). Nothing is sent once the invitation was answered. Clinicians without a mobile
 * number on their account see it on their queue page only.
 */
export async function deliverInvitationNotice(payload: unknown): Promise<number> {
  const { invitationId } = invitationNoticeJob.parse(payload);
  const [invitation] = await db()
    .select({ invitation: consultationInvitations, inviter: users.name })
    .from(consultationInvitations)
    .innerJoin(users, eq(users.id, consultationInvitations.invitedBy))
    .where(eq(consultationInvitations.id, invitationId));
  if (!invitation || invitation.invitation.status !== "pending") return 0;
  const { inviteeId, specialtyCode, invitedBy } = invitation.invitation;
  const recipients = await db()
    .select({ id: users.id, phone: users.phone, locale: users.locale, specialtyEn: specialties.nameEn, specialtyUr: specialties.nameUr })
    .from(users)
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.userId, users.id))
    .innerJoin(specialties, eq(specialties.code, clinicianProfiles.specialtyCode))
    .where(
      and(
        isNotNull(users.phone),
        isNull(users.disabledAt),
        inArray(users.role, [...clinicianRoles]),
        ne(users.id, invitedBy),
        inviteeId ? eq(users.id, inviteeId) : eq(clinicianProfiles.specialtyCode, specialtyCode ?? ""),
      ),
    );
  let sent = 0;
  for (const recipient of recipients) {
    const locale = recipient.locale ?? defaultLocale;
    const body = serverTranslator(locale, "sms")("invitation", {
      inviter: invitation.inviter,
      specialty: locale === "ur" ? recipient.specialtyUr : recipient.specialtyEn,
    });
    if ((await sendSmsOnce(`invitation:${invitationId}:${recipient.id}`, recipient.phone!, body)) === "sent") sent++;
  }
  return sent;
}
