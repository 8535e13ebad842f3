import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { listMyInvitations } from "@/lib/consult/invitations/list-my-invitations";
import { InvitationAnswer } from "./invitation-answer";

/**
 * Invitations into calls that are on: asked of this clinician by name or of their specialty.
 * The page re-reads itself when one arrives or is taken (the live queue's invitation signal).
 */
export async function Invitations({ actor }: { actor: Actor }) {
  const invitations = await listMyInvitations(actor);
  if (invitations.length === 0) return null;
  const t = await getTranslations("guests");
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <section className="card space-y-3 border-2 border-brand-700" aria-labelledby="invitations-heading" data-testid="invitations">
      <h2 id="invitations-heading" className="text-lg font-semibold">
        {t("invitations")}
      </h2>
      <ul className="divide-y">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="space-y-1 py-2" data-invitation={invitation.id}>
            <p className="font-medium">{t("invitationFrom", { name: invitation.invitedByName })}</p>
            {invitation.specialty && <p className="text-sm">{t("invitationSpecialty", { specialty: locale === "ur" ? invitation.specialty.ur : invitation.specialty.en })}</p>}
            {invitation.reason && (
              <p className="text-sm" dir="auto">
                {t("invitationReason", { reason: invitation.reason })}
              </p>
            )}
            <p className="text-xs text-slate-500">{format.dateTime(invitation.createdAt, { hour: "numeric", minute: "2-digit" })}</p>
            <InvitationAnswer invitationId={invitation.id} consultationId={invitation.consultationId} accepted={invitation.status === "accepted"} />
          </li>
        ))}
      </ul>
    </section>
  );
}
