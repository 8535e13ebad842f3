import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requireActor } from "@/lib/auth/actor";
import { readComplaint } from "@/lib/complaints/read";
import { isOverdue } from "@/lib/complaints/sla";
import { formatTrackingNumber } from "@/lib/complaints/tracking-number";
import { AssignForm, NoteForm } from "./officer-forms";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("complaints"))("officeTitle") };
}


/** One complaint for the district office: what was said, its history, and the officer's actions. */
export default async function ComplaintPage({ params }: { params: Promise<{ complaintId: string }> }) {
  const actor = await requireActor(["admin"]);
  const { complaintId } = await params;
  const [{ complaint, facilityName, events, officers, officerName, visit }, t, format] = await Promise.all([
    orNotFound(readComplaint(actor, complaintId)),
    getTranslations("complaints"),
    getFormatter(),
  ]);
  const when = (at: Date) => isolate(format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }));
  const overdue = isOverdue(complaint, new Date());
  const open = complaint.status !== "resolved";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">
        <bdi dir="ltr" className="ltr-nums">
          {formatTrackingNumber(complaint.trackingNumber)}
        </bdi>{" "}
        · {t(`category_${complaint.category}`)}
      </h1>
      <section className="card space-y-2">
        <p className="font-semibold">
          {t(`status_${complaint.status}`)} · {officerName ?? t("unassigned")}
          {complaint.escalationLevel > 0 && <span className="ms-2 rounded bg-amber-100 px-2 text-sm text-amber-900">{t("level", { level: complaint.escalationLevel })}</span>}
        </p>
        <p className="text-sm text-slate-700">
          {facilityName} · {t("filedAt", { time: when(complaint.filedAt) })} · {t("fromPhone", { phone: isolate(complaint.phone) })}
        </p>
        {visit && <p className="text-sm text-slate-700">{t("visitLine", { time: when(visit.startedAt) })}</p>}
        {open && <p className={`text-sm ${overdue ? "font-medium text-red-800" : "text-slate-600"}`}>{t(overdue ? "overdue" : "due", { time: when(complaint.dueAt) })}</p>}
        <p dir="auto" className="whitespace-pre-line rounded-lg bg-slate-50 p-3" lang={complaint.locale}>
          {complaint.description}
        </p>
        {complaint.resolution && (
          <p dir="auto" className="rounded-lg bg-brand-50 p-3">
            {complaint.resolution}
          </p>
        )}
      </section>
      {open && (
        <div className="grid gap-4 md:grid-cols-2">
          <AssignForm complaintId={complaint.id} officers={officers.map((o) => ({ value: o.id, label: o.name }))} current={complaint.assignedTo} />
          <NoteForm complaintId={complaint.id} kind="progress" />
          <NoteForm complaintId={complaint.id} kind="resolve" />
        </div>
      )}
      <section className="space-y-2">
        <h2 className="font-semibold">{t("history")}</h2>
        <ol className="space-y-1" data-testid="complaint-history">
          {events.map(({ event, actorName }) => (
            <li key={event.id} className="text-sm">
              {when(event.at)} — {t(`event_${event.kind}`)} · {actorName ?? t(event.kind === "filed" ? "complainant" : "system")}
              {event.note && (
                <span dir="auto" className="block text-slate-600">
                  {event.note}
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
