"use client";

import { useStreamRefresh } from "@/app/_components/use-event-stream";
import { LiveBadge } from "./_components/live-badge";

/** Re-reads the list of hosted visits whenever one of them changes (admitted, ended, withdrawn). */
export function HostedVisitsRefresh() {
  const live = useStreamRefresh("/api/queue/stream", "changed");
  return <LiveBadge live={live} />;
}
