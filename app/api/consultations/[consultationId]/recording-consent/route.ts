import { AppError } from "@/lib/errors";
import { recordRecordingConsent } from "@/lib/consult/recording-consent";
import { withActor } from "../../../respond";

/** `{ consented: boolean }`: this participant's answer; answers whether everyone in the call has said yes. */
export async function POST(request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  const { consultationId } = await params;
  return withActor(request, async (actor) => {
    const body = (await request.json().catch(() => null)) as { consented?: unknown } | null;
    if (typeof body?.consented !== "boolean") throw new AppError("invalid", "form_invalid", { consented: "form_invalid" });
    return recordRecordingConsent(actor, consultationId, body.consented);
  });
}
