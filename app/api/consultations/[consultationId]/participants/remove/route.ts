import { removeParticipant } from "@/lib/consult/invitations/remove-participant";
import { withActor } from "../../../../respond";

/** `{ identity }`: the clinician removes an invited specialist from the call, for good. */
export async function POST(request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  const { consultationId } = await params;
  return withActor(request, async (actor) => {
    const body = (await request.json().catch(() => null)) as { identity?: unknown } | null;
    await removeParticipant(actor, consultationId, typeof body?.identity === "string" ? body.identity : "");
    return new Response(null, { status: 204 });
  });
}
