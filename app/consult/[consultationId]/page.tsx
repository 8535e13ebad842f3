import { getLocale, getTranslations } from "next-intl/server";
import { transferChoicesFor } from "@/app/_components/transfer-choices";
import { orNotFound } from "@/app/_components/or-not-found";
import { CallKeepsSessionAlive } from "@/app/_components/staff-idle-guard";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { formatMrId } from "@/lib/mrid/mrid";
import { listRoutingTargets } from "@/lib/queue/hosting";
import { getWaitingStatus } from "@/lib/queue/waiting-room";
import { readConsultationRecord } from "@/lib/records/read-records";
import { readTimeline } from "@/lib/records/read-timeline";
import { RecordHeader } from "@/app/_components/record-header";
import { RecordTimeline } from "@/app/_components/record-timeline";
import { guestPanels } from "./call/guests/guest-panels";
import { CallRoom } from "./call-room";
import { ClinicalPanels } from "./clinical-panels";
import { QueueControls, SoapNoteForm } from "./clinician-forms";
import { ProgrammesPanel } from "./programmes-panel";
import { PrescriptionPanel } from "./prescription-panel";

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
  const specialist = consultation.viewerRole === "specialist";
  const guests = await guestPanels(consultation.viewerRole, consultation.id);
  // The patient goes back to the waiting page, which tells them whether they are still queued
  // (returned, not answered) or where to read the note; facility staff to the visit page, which
  // offers the next patient.
  const afterLeave = { clinician: "/queue", candidate: "/queue", specialist: "/queue", patient: `/waiting/${consultation.id}`, host: `/host/visits/${consultation.id}` };

  return (
    <div className={clinician ? "grid gap-4 lg:grid-cols-[2fr_1fr]" : "mx-auto max-w-3xl space-y-4"}>
      <div className="space-y-3">
        <h1 className="text-xl font-bold">
          {clinician || specialist ? consultation.patientName : t("withClinician", { name: consultation.clinicianName ?? "" })}
        </h1>
        {(clinician || specialist) && (
          <p className="text-sm text-slate-600">
            {t("mrId")} <span className="ltr-nums">{formatMrId(consultation.mrId)}</span>
          </p>
        )}
        {consultation.viewerRole !== "patient" && <CallKeepsSessionAlive consultationId={consultation.id} />}
        <CallRoom
          consultationId={consultation.id}
          admittedAt={consultation.admittedAt?.toISOString()}
          afterLeaveHref={afterLeave[consultation.viewerRole]}
          fillSmallScreen={!clinician && !specialist}
          panels={guests.panels}
        >
          {guests.overlay}
        </CallRoom>
        {queueControls && <QueueControls consultationId={consultation.id} {...queueControls} />}
        {/* A specialist reads the record for the call, and writes nothing to it. */}
        {(clinician || specialist) && <RecordBesideCall patientId={consultation.patientId} />}
      </div>
      {clinician && (
        <div className="space-y-4">
          <SoapNoteForm consultationId={consultation.id} initial={note} signed={Boolean(note?.signedAt)} addenda={note?.addenda ?? []} />
          {/* The record panels of the consultation, one component each (their own files beside this one). */}
          <ClinicalPanels actor={actor} consultationId={consultation.id} />
          <PrescriptionPanel consultationId={consultation.id} patientId={consultation.patientId} />
          <ProgrammesPanel consultationId={consultation.id} patientId={consultation.patientId} />
        </div>
      )}
    </div>
  );
}

/** The patient's record under the call, for the clinician: allergies and problems first, then the latest entries. */
async function RecordBesideCall({ patientId }: { patientId: string }) {
  const actor = await requireActor();
  const t = await getTranslations("records");
  const timeline = await readTimeline(actor, patientId, { limit: 30 });
  return (
    <details open className="card space-y-3">
      <summary className="cursor-pointer text-lg font-bold">{t("recordTitle")}</summary>
      <RecordHeader timeline={timeline} compact />
      <RecordTimeline entries={timeline.entries} />
    </details>
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
