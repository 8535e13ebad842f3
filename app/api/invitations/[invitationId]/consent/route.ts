import { consentToSpecialist } from "@/lib/consult/invitations/consent-to-specialist";
import { withActor } from "../../../respond";

/** The patient, or their host, lets the specialist of this invitation see and be seen. */
export async function POST(request: Request, { params }: { params: Promise<{ invitationId: string }> }) {
  const { invitationId } = await params;
  return withActor(request, async (actor) => {
    await consentToSpecialist(actor, invitationId);
    return new Response(null, { status: 204 });
  });
}
