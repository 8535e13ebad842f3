import { mintRoomToken } from "@/lib/consult/room-token";
import { withActor } from "../../../respond";

/** POST, so that no cache or prefetch ever holds a room token. */
export async function POST(request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  const { consultationId } = await params;
  return withActor(request, (actor) => mintRoomToken(actor, consultationId));
}
