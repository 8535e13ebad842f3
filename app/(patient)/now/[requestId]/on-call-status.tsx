"use client";

import { useTranslations } from "next-intl";
import { useEventStream } from "@/app/_components/use-event-stream";
import { CallLink } from "@/app/_components/enter-call";

type Status = { status: "waiting" | "picked_up" | "cancelled"; place: number | null; consultationId: string | null };

/** Follows the pool request live until a doctor picks the patient up. */
export function OnCallStatus({ requestId, initial }: { requestId: string; initial: Status }) {
  const t = useTranslations("now");
  const tw = useTranslations("waiting");
  const { data: status } = useEventStream<Status>(`/api/queue/stream?request=${requestId}`, "pool", initial);

  if (status.status === "picked_up" && status.consultationId) {
    return (
      <div className="space-y-3 text-center" role="status">
        <p className="text-lg font-semibold">{t("pickedUp")}</p>
        <CallLink consultationId={status.consultationId} className="btn-primary w-full">
          {tw("joinCall")}
        </CallLink>
      </div>
    );
  }
  if (status.status === "cancelled") return <p role="status">{t("cancelled")}</p>;
  return (
    <div className="space-y-2 text-center" role="status" aria-live="polite">
      <p className="text-slate-600">{tw("yourPlace")}</p>
      <p className="text-5xl font-bold text-brand-700" data-testid="queue-place">
        {status.place}
      </p>
      <p className="text-slate-600">{t("keepOpen")}</p>
    </div>
  );
}
