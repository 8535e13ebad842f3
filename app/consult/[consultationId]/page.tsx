import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requireActor } from "@/lib/auth/actor";
import { formatMrId } from "@/lib/mrid/mrid";
import { readConsultationRecord } from "@/lib/records/read-records";
import { CallRoom } from "./call-room";
import { SoapNoteForm } from "./soap-note-form";

export async function generateMetadata() {
  return { title: (await getTranslations("call"))("title") };
}

export default async function ConsultPage({ params }: { params: Promise<{ consultationId: string }> }) {
  const actor = await requireActor();
  const { consultationId } = await params;
  const { consultation, note } = await orNotFound(readConsultationRecord(actor, consultationId));
  const t = await getTranslations("call");
  const clinician = consultation.viewerIsClinician;

  if (consultation.status !== "in_call") {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="card">{t(`notOpen_${consultation.status}`)}</p>
      </div>
    );
  }

  return (
    <div className={clinician ? "grid gap-4 lg:grid-cols-[2fr_1fr]" : "mx-auto max-w-md space-y-4"}>
      <div className="space-y-3">
        <h1 className="text-xl font-bold">
          {clinician ? consultation.patientName : t("withClinician", { name: consultation.clinicianName ?? "" })}
        </h1>
        {clinician && (
          <p className="text-sm text-slate-600">
            {t("mrId")} <span className="ltr-nums">{formatMrId(consultation.mrId)}</span>
          </p>
        )}
        <CallRoom
          consultationId={consultation.id}
          displayName={clinician ? actor.name : consultation.patientName}
          afterLeaveHref={clinician ? "/queue" : "/records"}
        />
      </div>
      {clinician && <SoapNoteForm consultationId={consultation.id} initial={note} />}
    </div>
  );
}
