import { getLocale } from "next-intl/server";
import { listInvitable } from "@/lib/consult/invitations/list-invitable";
import { withActor } from "../../../respond";

/** `?q=`: the specialties and clinicians the call's clinician may invite. */
export async function GET(request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  const { consultationId } = await params;
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return withActor(request, async (actor) => listInvitable(actor, consultationId, q, (await getLocale()) === "ur" ? "ur" : "en"));
}
