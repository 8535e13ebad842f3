"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { ACTIVITY_PING_INTERVAL_MS, IDLE_WARNING_MS } from "@/lib/auth/session-rules";

const ACTIVITY_URL = "/api/session/activity";
const SIGNED_OUT_URL = "/sign-in/staff?signedOut=idle";
// Deliberate input only: a mouse bumped on a shared desk is not someone at work.
const INPUT_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;
// An open call pings about twice a minute, well inside the shortest idle limit (2 minutes).
const CALL_PING_INTERVAL_MS = 30_000;

/**
 * The browser's side of the staff idle limit. The server decides (currentSession refuses an
 * idle session whatever this shows); this component tells it about the user's input, throttled,
 * warns a minute before the end, and leaves for the staff sign-in when the server says the
 * session is over. It asks the server before warning and before leaving, because another tab
 * of the same session may have kept it alive. Reading pages and the live queue stream never
 * count: only input does.
 */
export function StaffIdleGuard({ remainingMs }: { remainingMs: number }) {
  const t = useTranslations("session");
  const deadline = useRef(0);
  const lastPing = useRef(Number.NEGATIVE_INFINITY);
  const inFlight = useRef(false);
  // Whether the server has been asked in the current warning, or at the deadline.
  const asked = useRef<"warning" | "deadline" | null>(null);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  const leave = useCallback(async (response: Response) => {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    // Signed out on purpose (this tab's own sign-out may still be on its way): that page leads on.
    if (body?.error?.message !== "signed_out_idle") return;
    // A full load, so nothing of the last user's pages stays in the client-side router cache, and
    // replacing the history entry, so that Back on a shared device does not return to their page.
    window.location.replace(SIGNED_OUT_URL);
  }, []);

  const sync = useCallback(
    async (method: "GET" | "POST") => {
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        const response = await fetch(ACTIVITY_URL, { method, cache: "no-store" });
        if (response.status === 401) return await leave(response);
        if (!response.ok) return;
        const { remainingMs: left } = (await response.json()) as { remainingMs: number };
        deadline.current = performance.now() + left;
        // Still inside the warning, the server has answered for it: the countdown runs on, and
        // only the deadline asks again.
        asked.current = left > IDLE_WARNING_MS ? null : "warning";
        if (left > IDLE_WARNING_MS) setSecondsLeft(null);
      } catch {
        // Offline for a moment: the local deadline stands, and the next tick asks again.
        asked.current = null;
      } finally {
        inFlight.current = false;
      }
    },
    [leave],
  );

  useEffect(() => {
    // A re-render of the layout (router.refresh) brings the server's current figure.
    deadline.current = performance.now() + remainingMs;
    asked.current = null;
  }, [remainingMs]);

  useEffect(() => {
    const tick = () => {
      const left = deadline.current - performance.now();
      if (left > IDLE_WARNING_MS) return setSecondsLeft(null);
      if (left <= 0) {
        if (asked.current !== "deadline") {
          asked.current = "deadline";
          void sync("GET");
        }
        return;
      }
      if (asked.current === null) {
        asked.current = "warning";
        void sync("GET");
        return;
      }
      setSecondsLeft(Math.ceil(left / 1000));
    };
    const timer = window.setInterval(tick, 1000);
    tick();
    return () => window.clearInterval(timer);
  }, [sync]);

  useEffect(() => {
    const onInput = () => {
      const now = performance.now();
      const warning = deadline.current - now <= IDLE_WARNING_MS;
      if (!warning && now - lastPing.current < ACTIVITY_PING_INTERVAL_MS) return;
      lastPing.current = now;
      void sync("POST");
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [sync]);

  if (secondsLeft === null) return null;
  return (
    <div
      role="alertdialog"
      aria-labelledby="idle-warning-text"
      className="fixed inset-x-0 bottom-0 z-50 border-t border-amber-300 bg-amber-50 p-4 shadow-lg"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3">
        <p id="idle-warning-text" className="font-medium text-amber-900">
          {t("idleWarning", { seconds: secondsLeft })}
        </p>
        <button type="button" className="btn-primary" onClick={() => void sync("POST")} autoFocus>
          {t("staySignedIn")}
        </button>
      </div>
    </div>
  );
}

/**
 * On the call page of a clinician or host: the open call counts as activity, checked by the
 * server against the consultation (only its clinician or host, only while it is in a call).
 */
export function CallKeepsSessionAlive({ consultationId }: { consultationId: string }) {
  useEffect(() => {
    const ping = () => {
      void fetch(ACTIVITY_URL, {
        method: "POST",
        cache: "no-store",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ consultationId }),
      }).catch(() => {});
    };
    ping();
    const timer = window.setInterval(ping, CALL_PING_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [consultationId]);
  return null;
}
