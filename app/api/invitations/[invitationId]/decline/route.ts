import { declineInvitation } from "@/lib/consult/invitations/decline-invitation";
import { withActor } from "../../../respond";

export async function POST(request: Request, { params }: { params: Promise<{ invitationId: string }> }) {
  const { invitationId } = await params;
  return withActor(request, (actor) => declineInvitation(actor, invitationId));
}
