import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requireActor } from "@/lib/auth/actor";
import { formatMrId } from "@/lib/mrid/mrid";
import { readConsultationRecord } from "@/lib/records/read-records";

const sections = ["subjective", "objective", "assessment", "plan"] as const;

export default async function RecordPage({ params }: { params: Promise<{ consultationId: string }> }) {
  const actor = await requireActor(["patient"]);
  const { consultationId } = await params;
  const { consultation, note } = await orNotFound(readConsultationRecord(actor, consultationId));
  const t = await getTranslations("records");
  const tn = await getTranslations("note");
  const format = await getFormatter();
  return (
    <article className="mx-auto max-w-md space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("noteTitle", { name: consultation.clinicianName ?? "" })}</h1>
        <p className="text-sm text-slate-600">{format.dateTime(consultation.checkedInAt, { dateStyle: "long", timeStyle: "short" })}</p>
        <p className="text-sm text-slate-600">
          {consultation.patientName} · {t("mrId")} <span className="ltr-nums">{formatMrId(consultation.mrId)}</span>
        </p>
      </header>
      {!note && <p className="card">{t("noNote")}</p>}
      {note &&
        sections.map((section) => (
          <section key={section} className="card space-y-1">
            <h2 className="font-semibold">{tn(section)}</h2>
            <p className="whitespace-pre-wrap" dir="auto">
              {note[section] || "—"}
            </p>
          </section>
        ))}
      {note && (
        <p className="text-sm text-slate-600">{note.signedAt ? t("noteIsSigned", { name: note.authorName }) : t("noteNotSigned")}</p>
      )}
      {note?.addenda.map((addendum) => (
        <section key={addendum.id} className="card space-y-1 border-s-4 border-brand-600">
          <h2 className="font-semibold">{tn("addendumBy", { name: addendum.authorName })}</h2>
          <p className="whitespace-pre-wrap" dir="auto">
            {addendum.body}
          </p>
        </section>
      ))}
    </article>
  );
}
