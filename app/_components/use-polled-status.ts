"use client";

import { useEffect, useState } from "react";

const POLL_MS = 4_000;

/**
 * Re-reads a JSON status every few seconds while `keepPolling` says so. (Issue 4 replaces
 * polling with server-sent events.) A failed request on a weak network is retried next tick.
 */
export function usePolledStatus<T>(url: string, initial: T, keepPolling: (status: T) => boolean): T {
  const [status, setStatus] = useState(initial);
  const active = keepPolling(status);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (response.ok) setStatus((await response.json()) as T);
      } catch {
        // Retried on the next tick.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [url, active]);
  return status;
}
