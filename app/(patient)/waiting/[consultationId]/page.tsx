import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/app/_components/or-not-found";
import { getWaitingStatus } from "@/lib/queue/waiting-room";
import { WaitingStatus } from "./waiting-status";

export async function generateMetadata() {
  return { title: (await getTranslations("waiting"))("title") };
}

export default async function WaitingPage({ params }: { params: Promise<{ consultationId: string }> }) {
  const actor = await requireActor(["patient"]);
  const { consultationId } = await params;
  const status = await orNotFound(getWaitingStatus(actor, consultationId));
  const t = await getTranslations("waiting");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <div className="card">
        <WaitingStatus consultationId={consultationId} initial={status} />
      </div>
    </div>
  );
}
