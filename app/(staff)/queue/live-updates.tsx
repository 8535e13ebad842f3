"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useStreamRefresh } from "@/app/_components/use-event-stream";

/**
 * Re-reads the queue page whenever one of the clinician's queues changes (a patient arrives,
 * leaves, or their phone drops or comes back), and says whether those updates are flowing.
 */
export function LiveUpdates() {
  const t = useTranslations("queue");
  const live = useStreamRefresh("/api/queue/stream", "changed");
  // "Reconnecting" only after a connection was lost; before the first one it is "connecting".
  const [everLive, setEverLive] = useState(false);
  if (live && !everLive) setEverLive(true);

  return (
    <p role="status" className="inline-flex items-center gap-2 text-sm text-slate-600">
      <span aria-hidden className={`size-2.5 rounded-full ${live ? "bg-green-600" : "animate-pulse bg-amber-500"}`} />
      {live ? t("live") : everLive ? t("reconnecting") : t("connecting")}
    </p>
  );
}
