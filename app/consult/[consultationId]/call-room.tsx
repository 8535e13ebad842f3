"use client";

import "./call-room.css";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import type { CallRole } from "@/lib/consult/grants";
import { DeviceCheck } from "./call/device-check";
import { InCall, type CallEnd, type CallPanel, type JoinChoices } from "./call/in-call";

type Joined = { token: string; serverUrl: string; role: CallRole | null; admittedAt: number | null; skewMs: number; choices: JoinChoices };

// Long enough to read one line, short enough that nobody is left looking at a closed call.
const MOVE_ON_MS = 5_000;

/**
 * The call: a device check first, then a token fetched for this consultation only, then the
 * room (call/in-call.tsx). `fillSmallScreen` gives the joined call the whole screen below the
 * large breakpoint, as a phone call does (patients, facility devices); the clinician's call
 * stays in the page, above or beside the note they are writing.
 *
 * When the server closes the room (the consultation ended) or removes this participant, each
 * side is taken on to its next page (`afterLeaveHref`) after a short message; a person who
 * left by the button, or whose call was cut off, may rejoin.
 *
 * `panels` get a toolbar button each and open as a bottom sheet on a phone, a side column on a
 * wide screen; `children` are drawn over the stage; both inside the room, where useCallRoom()
 * (call/live-room.ts) gives the LiveKit room. Not @livekit/components-react: importing even its
 * RoomContext brings its rxjs-based core along, and the call page has no room for it.
 */
export function CallRoom({
  consultationId,
  afterLeaveHref,
  fillSmallScreen,
  admittedAt,
  panels = [],
  children,
}: {
  consultationId: string;
  afterLeaveHref: string;
  fillSmallScreen: boolean;
  /** When the consultation was admitted (ISO), for the consult timer until the token brings it. */
  admittedAt?: string | null;
  panels?: CallPanel[];
  children?: ReactNode;
}) {
  const t = useTranslations("call");
  const router = useRouter();
  const [joined, setJoined] = useState<Joined | null>(null);
  const [end, setEnd] = useState<CallEnd | null>(null);
  const [error, setError] = useState<string | null>(null);
  const movesOn = end === "ended" || end === "removed";

  useEffect(() => {
    if (!movesOn) return;
    const id = setTimeout(() => router.push(afterLeaveHref), MOVE_ON_MS);
    return () => clearTimeout(id);
  }, [movesOn, router, afterLeaveHref]);

  async function join(choices: JoinChoices): Promise<boolean> {
    setError(null);
    const response = await fetch(`/api/consultations/${consultationId}/token`, { method: "POST" }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as
      | { token: string; serverUrl: string; role?: CallRole; admittedAt?: string | null; error?: { message?: string } }
      | null;
    if (!response?.ok || !body?.token) {
      const key = `error_${body?.error?.message ?? "internal"}`;
      setError(t.has(key) ? t(key) : t("error_internal"));
      return false;
    }
    const serverNow = Date.parse(response.headers.get("date") ?? "");
    const since = body.admittedAt ?? admittedAt;
    setJoined({
      token: body.token,
      serverUrl: body.serverUrl,
      role: body.role ?? null,
      admittedAt: since ? Date.parse(since) : null,
      skewMs: Number.isNaN(serverNow) ? 0 : serverNow - Date.now(),
      choices,
    });
    setEnd(null);
    return true;
  }

  if (end) {
    return (
      <div className="card space-y-3 text-center" role="status">
        {end === "ended" && <p className="font-semibold">{t("ended")}</p>}
        <p>{t(end === "removed" ? "removed" : end === "cut_off" ? "cutOff" : "left")}</p>
        {movesOn && <p className="text-sm text-slate-600">{t("movingOn")}</p>}
        <div className="flex flex-wrap justify-center gap-2">
          {!movesOn && joined && (
            <button type="button" className="btn-secondary min-h-11" onClick={() => void join(joined.choices)}>
              {t("rejoin")}
            </button>
          )}
          <a href={afterLeaveHref} className="btn-primary min-h-11">
            {t("continue")}
          </a>
        </div>
      </div>
    );
  }

  if (!joined) return <DeviceCheck onJoin={join} error={error} />;

  return (
    <InCall
      key={joined.token}
      {...joined}
      consultationId={consultationId}
      panels={panels}
      onEnd={setEnd}
      className={fillSmallScreen ? "fixed inset-0 z-50 h-dvh lg:relative lg:inset-auto lg:z-auto lg:h-[70dvh] lg:rounded-xl" : "relative h-[70dvh] rounded-xl"}
    >
      {children}
    </InCall>
  );
}

