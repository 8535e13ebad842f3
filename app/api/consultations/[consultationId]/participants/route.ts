import { listCallGuests } from "@/lib/consult/invitations/list-participants";
import { withActor } from "../../../respond";

/** The call's invited guests: who, whether accepted, whether the patient's side consented. */
export async function GET(request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  const { consultationId } = await params;
  return withActor(request, (actor) => listCallGuests(actor, consultationId));
}
