import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RecordHeader } from "@/app/_components/record-header";
import { RecordTimeline, TimelineFilter } from "@/app/_components/record-timeline";
import { readTimeline, timelineKinds, type TimelineKind } from "@/lib/records/read-timeline";
import { requirePatientProfile } from "../patient-profile";

export async function generateMetadata() {
  return { title: (await getTranslations("records"))("title") };
}

/**
 * The record of each person the phone manages (themselves, their children, parents…): the
 * whole history newest first, filterable, and who else has opened it.
 */
export default async function RecordsPage({ searchParams }: { searchParams: Promise<{ patient?: string; kind?: string }> }) {
  const { actor, patients, self } = await requirePatientProfile();
  const params = await searchParams;
  const chosen = patients.find((p) => p.id === params.patient) ?? self;
  const current = (timelineKinds as readonly string[]).includes(params.kind ?? "") ? (params.kind as TimelineKind) : null;
  const t = await getTranslations("records");
  const timeline = await readTimeline(actor, chosen.id, { kinds: current ? [current] : undefined });
  const hrefFor = (kind: TimelineKind | null) => `/records?patient=${chosen.id}${kind ? `&kind=${kind}` : ""}`;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {patients.length > 1 && (
        <nav aria-label={t("whoseRecord")} className="flex flex-wrap gap-2">
          {patients.map((p) => (
            <Link
              key={p.id}
              href={`/records?patient=${p.id}`}
              aria-current={p.id === chosen.id ? "page" : undefined}
              className={`rounded-full border px-3 py-2 ${p.id === chosen.id ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
            >
              {p.fullName}
            </Link>
          ))}
        </nav>
      )}
      <RecordHeader timeline={timeline} compact />
      <Link href={`/records/access?patient=${chosen.id}`} className="btn-secondary w-full">
        {t("accessLogLink")}
      </Link>
      <TimelineFilter current={current} hrefFor={hrefFor} />
      <RecordTimeline entries={timeline.entries} noteHref={(consultationId) => `/records/${consultationId}`} />
    </div>
  );
}
