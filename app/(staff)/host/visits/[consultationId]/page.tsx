import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requireActor } from "@/lib/auth/actor";
import { formatMrId } from "@/lib/mrid/mrid";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";
import { hostRoles } from "@/lib/queue/hosting";
import { getWaitingStatus } from "@/lib/queue/waiting-room";
import { withdrawAction } from "./actions";
import { VisitStatus } from "./visit-status";

export async function generateMetadata() {
  return { title: (await getTranslations("host.status"))("metaTitle") };
}

/** The hosted patient's place in the queue, live, until the call; only the host who queued them sees it. */
export default async function HostedVisitPage({ params }: { params: Promise<{ consultationId: string }> }) {
  const actor = await requireActor(hostRoles);
  const { consultationId } = await params;
  const visit = await orNotFound(findVisibleConsultation(actor, consultationId));
  if (visit.viewerRole !== "host") notFound();
  const status = await orNotFound(getWaitingStatus(actor, consultationId));

  return (
    <div className="mx-auto max-w-md space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{visit.patientName}</h1>
        <p className="text-slate-700">
          <span className="ltr-nums">{formatMrId(visit.mrId)}</span>
        </p>
      </div>
      <VisitStatus key={visit.id} consultationId={visit.id} initial={status} withdraw={withdrawAction.bind(null, visit.id)} />
    </div>
  );
}
