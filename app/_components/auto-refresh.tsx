"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders a server page every few seconds: for the development SMS outbox, which has no live feed. */
export function AutoRefresh({ everyMs = 5_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
