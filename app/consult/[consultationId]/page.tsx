import { getLocale, getTranslations } from "next-intl/server";
import { transferChoicesFor } from "@/app/_components/transfer-choices";
import { orNotFound } from "@/app/_components/or-not-found";
import { CallKeepsSessionAlive } from "@/app/_components/staff-idle-guard";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { formatMrId } from "@/lib/mrid/mrid";
import { listRoutingTargets } from "@/lib/queue/hosting";
import { getWaitingStatus } from "@/lib/queue/waiting-room";
import { readConsultationRecord } from "@/lib/records/read-records";
import { CallRoom } from "./call-room";
import { PrescriptionPanel } from "./prescription-panel";
import { QueueControls } from "./queue-controls";
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

  const queueControls = clinician ? await loadQueueControls(actor, consultation) : null;
  // The patient goes back to the waiting page, which tells them whether they are still queued
  // (returned, not answered) or where to read the note; facility staff to the visit page, which
  // offers the next patient.
  const afterLeave = { clinician: "/queue", candidate: "/queue", patient: `/waiting/${consultation.id}`, host: `/host/visits/${consultation.id}` };

  return (
    <div className={clinician ? "grid gap-4 lg:grid-cols-[2fr_1fr]" : "mx-auto max-w-3xl space-y-4"}>
      <div className="space-y-3">
        <h1 className="text-xl font-bold">
          {clinician ? consultation.patientName : t("withClinician", { name: consultation.clinicianName ?? "" })}
        </h1>
        {clinician && (
          <p className="text-sm text-slate-600">
            {t("mrId")} <span className="ltr-nums">{formatMrId(consultation.mrId)}</span>
          </p>
        )}
        {consultation.viewerRole !== "patient" && <CallKeepsSessionAlive consultationId={consultation.id} />}
        <CallRoom
          consultationId={consultation.id}
          displayName={clinician ? actor.name : consultation.patientName}
          afterLeaveHref={afterLeave[consultation.viewerRole]}
          fillSmallScreen={!clinician}
        />
        {queueControls && <QueueControls consultationId={consultation.id} {...queueControls} />}
      </div>
      {clinician && (
        <div className="space-y-4">
          <SoapNoteForm consultationId={consultation.id} initial={note} />
          {/* The record panels of the consultation, one component each (their own files beside this one). */}
          <PrescriptionPanel consultationId={consultation.id} patientId={consultation.patientId} />
        </div>
      )}
    </div>
  );
}

/** How often the patient has missed a call, and where the clinician may pass them on to. */
async function loadQueueControls(actor: Actor, consultation: { id: string; clinicianId: string | null; specialtyCode: string | null }) {
  const [view, targets, locale, t] = await Promise.all([
    getWaitingStatus(actor, consultation.id),
    listRoutingTargets(),
    getLocale(),
    getTranslations("queue"),
  ]);
  return { noAnswerCount: view.noAnswerCount, transferChoices: transferChoicesFor(targets, consultation, actor.id, locale, t) };
}
