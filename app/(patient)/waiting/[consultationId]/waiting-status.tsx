"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { FormMessage } from "@/app/_components/field";
import { useEventStream } from "@/app/_components/use-event-stream";
import type { FormState } from "@/lib/errors";
import { REJOIN_GRACE_MS } from "@/lib/queue/rules";
import type { WaitingView } from "@/lib/queue/snapshot";
import { leaveQueueAction } from "./actions";
import { CallLink } from "@/app/_components/enter-call";

/** How long a first connection may take before the page says it is still trying. */
const SLOW_CONNECT_MS = 5_000;

const isOver = (view: WaitingView) => view.status === "completed" || view.status === "cancelled";

/**
 * Follows the patient's place live until the doctor admits them. The open stream itself tells
 * the server the patient is here; when it drops, the patient is told that their place is kept
 * for a while, so that they wait for it to come back rather than queue again.
 */
export function WaitingStatus({ consultationId, initial }: { consultationId: string; initial: WaitingView }) {
  const t = useTranslations("waiting");
  // Once the consultation is over nothing more can change, so the connection is closed.
  const [over, setOver] = useState(isOver(initial));
  const stream = useEventStream(over ? null : `/api/queue/stream?consultation=${consultationId}`, "queue", initial);
  const [leaveState, leave, leaving] = useActionState(leaveQueueAction.bind(null, consultationId), {} as FormState);
  // The stream reports the withdrawal too, but the patient should not wait for it to see it.
  const view: WaitingView = leaveState.ok ? { ...stream.data, status: "cancelled", exitReason: "withdrawn" } : stream.data;
  if (isOver(view) && !over) setOver(true);

  if (view.status === "in_call") return <CallReady consultationId={consultationId} clinicianName={view.clinicianName} />;
  if (view.status !== "waiting") return <Ended view={view} />;
  return (
    <div className="space-y-4">
      <ConnectionNotice live={stream.live} />
      {view.noAnswerCount === 1 && (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {t("missedCall")}
        </p>
      )}
      <Place view={view} />
      <LeaveQueue state={leaveState} leave={leave} leaving={leaving} />
    </div>
  );
}

/** Says so when live updates have stopped: after a drop, or when the first connection is slow. */
function ConnectionNotice({ live }: { live: boolean }) {
  const t = useTranslations("waiting");
  const [everLive, setEverLive] = useState(live);
  const [slow, setSlow] = useState(false);
  if (live && !everLive) setEverLive(true);
  useEffect(() => {
    if (live) return;
    const timer = setTimeout(() => setSlow(true), SLOW_CONNECT_MS);
    return () => clearTimeout(timer);
  }, [live]);

  if (live || !(everLive || slow)) return null;
  return (
    <p role="status" className="flex items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <span aria-hidden className="mt-2 size-2.5 shrink-0 animate-pulse rounded-full bg-amber-500" />
      {t("reconnecting", { minutes: REJOIN_GRACE_MS / 60_000 })}
    </p>
  );
}

function Place({ view }: { view: WaitingView }) {
  const t = useTranslations("waiting");
  const locale = useLocale();
  const specialty = view.specialty ? (locale === "ur" ? view.specialty.nameUr : view.specialty.nameEn) : null;
  const whoCalls = view.clinicianName
    ? t("keepOpen", { name: view.clinicianName })
    : specialty
      ? t("keepOpenSpecialty", { specialty })
      : t("keepOpenAny");

  return (
    <div className="space-y-3 text-center" role="status" aria-live="polite">
      {view.callDropped && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="call-dropped">
          {t("callDropped")}
        </p>
      )}
      <div>
        <p className="text-slate-600">{t("yourPlace")}</p>
        <p className="text-6xl font-bold text-brand-700" data-testid="queue-place">
          {view.place}
        </p>
      </div>
      <div>
        <p className="text-sm text-slate-600">{t("waitLabel")}</p>
        <p className="text-lg font-semibold" data-testid="wait-estimate">
          {view.waitMinutes === null ? t("waitUnknown") : t("waitEstimate", { minutes: view.waitMinutes })}
        </p>
      </div>
      <p className="text-slate-700">{whoCalls}</p>
    </div>
  );
}

/** Leaving takes two taps, so that a stray touch never costs the patient their place. */
function LeaveQueue({ state, leave, leaving }: { state: FormState; leave: () => void; leaving: boolean }) {
  const t = useTranslations("waiting");
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="border-t border-slate-200 pt-4">
        <button type="button" className="btn-secondary w-full" onClick={() => setConfirming(true)}>
          {t("leave")}
        </button>
      </div>
    );
  }
  return (
    <form action={leave} className="space-y-3 border-t border-slate-200 pt-4">
      <p className="font-semibold">{t("leaveConfirm")}</p>
      <FormMessage messageKey={state.message} />
      <div className="grid gap-2">
        <button type="submit" className="btn-secondary w-full border-red-300 text-red-800" disabled={leaving}>
          {t("leaveYes")}
        </button>
        <button type="button" className="btn-primary w-full" onClick={() => setConfirming(false)}>
          {t("stay")}
        </button>
      </div>
    </form>
  );
}

function CallReady({ consultationId, clinicianName }: { consultationId: string; clinicianName: string | null }) {
  const t = useTranslations("waiting");
  return (
    <div className="space-y-3 text-center" role="status">
      <p className="text-lg font-semibold">{clinicianName ? t("ready", { name: clinicianName }) : t("readyAny")}</p>
      <CallLink consultationId={consultationId} className="btn-primary w-full">
        {t("joinCall")}
      </CallLink>
    </div>
  );
}

function Ended({ view }: { view: WaitingView }) {
  const t = useTranslations("waiting");
  const message = view.status === "cancelled" && view.exitReason ? t(`ended_${view.exitReason}`) : t(`ended_${view.status}`);
  return (
    <div className="space-y-3 text-center">
      <p role="status">{message}</p>
      {view.status === "completed" && (
        <Link href={`/records/${view.consultationId}`} className="btn-primary w-full">
          {t("readNote")}
        </Link>
      )}
      <Link href="/appointments" className="btn-secondary w-full">
        {t("myAppointments")}
      </Link>
    </div>
  );
}
