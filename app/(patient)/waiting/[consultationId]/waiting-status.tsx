"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePolledStatus } from "@/app/_components/use-polled-status";

type Status = { status: "waiting" | "in_call" | "completed" | "cancelled"; place: number | null; clinicianName: string };

/**
 * Follows the consultation until the doctor admits the patient.
 */
export function WaitingStatus({ consultationId, initial }: { consultationId: string; initial: Status }) {
  const t = useTranslations("waiting");
  const status = usePolledStatus(`/api/consultations/${consultationId}/status`, initial, (s) => s.status === "waiting");

  if (status.status === "in_call") {
    return (
      <div className="space-y-3 text-center" role="status">
        <p className="text-lg font-semibold">{t("ready", { name: status.clinicianName })}</p>
        <Link href={`/consult/${consultationId}`} className="btn-primary w-full">
          {t("joinCall")}
        </Link>
      </div>
    );
  }
  if (status.status !== "waiting") {
    return (
      <p role="status" className="text-center">
        {t(`ended_${status.status}`)}
      </p>
    );
  }
  return (
    <div className="space-y-2 text-center" role="status" aria-live="polite">
      <p className="text-slate-600">{t("yourPlace")}</p>
      <p className="text-5xl font-bold text-brand-700" data-testid="queue-place">
        {status.place}
      </p>
      <p className="text-slate-600">{t("keepOpen", { name: status.clinicianName })}</p>
    </div>
  );
}
