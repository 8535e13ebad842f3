import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requireActor } from "@/lib/auth/actor";
import { getOnCallStatus } from "@/lib/queue/on-call";
import { OnCallStatus } from "./on-call-status";

export default async function OnCallWaitingPage({ params }: { params: Promise<{ requestId: string }> }) {
  const actor = await requireActor(["patient"]);
  const { requestId } = await params;
  const status = await orNotFound(getOnCallStatus(actor, requestId));
  const t = await getTranslations("now");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("waitingTitle", { need: t(`need_${status.need}`) })}</h1>
      <div className="card">
        <OnCallStatus requestId={requestId} initial={status} />
      </div>
    </div>
  );
}
