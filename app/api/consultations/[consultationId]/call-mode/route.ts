import { recordCallMode } from "@/lib/consult/record-call-mode";
import { withActor } from "../../../respond";

/** A step of this participant's degrade ladder, logged on the encounter: 204, or a JSON error with its code. */
export async function POST(request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  const { consultationId } = await params;
  return withActor(request, async (actor) => {
    const body: unknown = await request.json().catch(() => null);
    await recordCallMode(actor, consultationId, body);
    return new Response(null, { status: 204 });
  });
}
