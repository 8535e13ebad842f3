import { acceptInvitation } from "@/lib/consult/invitations/accept-invitation";
import { withActor } from "../../../respond";

export async function POST(request: Request, { params }: { params: Promise<{ invitationId: string }> }) {
  const { invitationId } = await params;
  return withActor(request, (actor) => acceptInvitation(actor, invitationId));
}
