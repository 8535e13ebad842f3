import { inviteSpecialist } from "@/lib/consult/invitations/invite-specialist";
import { withActor } from "../../../respond";

/** `{ specialtyCode }` or `{ inviteeId }`, with an optional `reason`. */
export async function POST(request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  const { consultationId } = await params;
  return withActor(request, async (actor) => {
    const body = ((await request.json().catch(() => null)) ?? {}) as Record<string, string | undefined>;
    const invitation = await inviteSpecialist(actor, consultationId, {
      specialtyCode: body.specialtyCode || undefined,
      inviteeId: body.inviteeId || undefined,
      reason: body.reason || undefined,
    });
    return { invitation: { id: invitation.id, status: invitation.status, specialtyCode: invitation.specialtyCode, inviteeId: invitation.inviteeId } };
  });
}
