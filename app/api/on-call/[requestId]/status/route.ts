import { getOnCallStatus } from "@/lib/queue/on-call";
import { withActor } from "../../../respond";

export async function GET(_request: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  return withActor((actor) => getOnCallStatus(actor, requestId));
}
