import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotFoundView } from "@/app/_components/not-found-view";
import { RecordTimeline, TimelineFilter } from "@/app/_components/record-timeline";
import { RecordHeader } from "@/app/_components/record-header";
import { requireActor } from "@/lib/auth/actor";
import { staffRoles } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { breakGlassRoles } from "@/lib/records/access";
import { readTimeline, timelineKinds, type TimelineKind } from "@/lib/records/read-timeline";
import { BreakGlassForm } from "./break-glass-form";

export async function generateMetadata() {
  return { title: (await getTranslations("records"))("recordTitle") };
}

/**
 * A patient's whole record for staff. Someone with no current encounter with the patient sees
 * "not found" — for a patient who exists as for one who does not — and, if their role allows,
 * the emergency (break-glass) way in.
 */
export default async function PatientRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ kind?: string }>;
}) {
  const actor = await requireActor(staffRoles);
  const { patientId } = await params;
  const { kind } = await searchParams;
  const current = (timelineKinds as readonly string[]).includes(kind ?? "") ? (kind as TimelineKind) : null;
  const t = await getTranslations("records");

  let timeline;
  try {
    timeline = await readTimeline(actor, patientId, { kinds: current ? [current] : undefined });
  } catch (error) {
    if (!isAppError(error, "not_found")) throw error;
    if (!breakGlassRoles.includes(actor.role)) notFound();
    return (
      <div className="mx-auto max-w-md space-y-4">
        <NotFoundView />
        <BreakGlassForm patientId={patientId} />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <RecordHeader timeline={timeline} />
      {timeline.purpose === "break_glass" && (
        <p role="status" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
          {t("breakGlassActive")}
        </p>
      )}
      <nav className="flex flex-wrap gap-2">
        <Link href={`/patients/${patientId}/programmes`} className="btn-secondary">
          {t("programmesLink")}
        </Link>
        <Link href={`/patients/${patientId}/book`} className="btn-secondary">
          {t("bookLink")}
        </Link>
        <Link href={`/print/mr-card/${patientId}`} className="btn-secondary">
          {t("mrCardLink")}
        </Link>
      </nav>
      <TimelineFilter current={current} hrefFor={(k) => (k ? `/patients/${patientId}?kind=${k}` : `/patients/${patientId}`)} />
      <RecordTimeline entries={timeline.entries} />
    </div>
  );
}
