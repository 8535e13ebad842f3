"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type Status = { status: "waiting" | "picked_up" | "cancelled"; place: number | null; consultationId: string | null };

const POLL_MS = 4_000;

/** Polls the pool request until a doctor picks the patient up. (Issue 4 moves this to server-sent events.) */
export function OnCallStatus({ requestId, initial }: { requestId: string; initial: Status }) {
  const t = useTranslations("now");
  const tw = useTranslations("waiting");
  const [status, setStatus] = useState(initial);
  useEffect(() => {
    if (status.status !== "waiting") return;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/on-call/${requestId}/status`, { cache: "no-store" });
        if (response.ok) setStatus(await response.json());
      } catch {
        // Retried on the next tick; a weak network drops requests.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [requestId, status.status]);

  if (status.status === "picked_up" && status.consultationId) {
    return (
      <div className="space-y-3 text-center" role="status">
        <p className="text-lg font-semibold">{t("pickedUp")}</p>
        <Link href={`/consult/${status.consultationId}`} className="btn-primary w-full">
          {tw("joinCall")}
        </Link>
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
