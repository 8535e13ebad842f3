import { getWaitingStatus } from "@/lib/queue/waiting-room";
import { withActor } from "../../../respond";

export async function GET(_request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  const { consultationId } = await params;
  return withActor((actor) => getWaitingStatus(actor, consultationId));
}
