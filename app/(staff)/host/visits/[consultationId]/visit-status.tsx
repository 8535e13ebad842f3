"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { useEventStream } from "@/app/_components/use-event-stream";
import type { FormState } from "@/lib/errors";
import type { WaitingView } from "@/lib/queue/snapshot";
import { FormAlert } from "@/app/_components/field";
import { useErrorText } from "@/app/_components/host-fields";
import { LiveBadge } from "../../_components/live-badge";
import { CallLink } from "@/app/_components/enter-call";

/**
 * Where the patient beside the host stands, live: place and estimated wait, then the way into
 * the call once the doctor admits them. Rendered with `key={consultationId}`, so nothing of the
 * previous patient's state survives a switch.
 */
export function VisitStatus({
  consultationId,
  initial,
  withdraw,
}: {
  consultationId: string;
  initial: WaitingView;
  withdraw: (state: FormState) => Promise<FormState>;
}) {
  const t = useTranslations("host.status");
  const locale = useLocale();
  const { data: view, live } = useEventStream(`/api/queue/stream?consultation=${consultationId}`, "queue", initial);

  return (
    <div className="space-y-4">
      <div className="card space-y-4" role="status" aria-live="polite">
        <StatusBody view={view} specialtyName={view.specialty && (locale === "ur" ? view.specialty.nameUr : view.specialty.nameEn)} />
        <LiveBadge live={live} />
      </div>
      <div className="flex flex-wrap gap-3">
        {view.status === "waiting" && <WithdrawButton action={withdraw} />}
        <Link href="/host/new" className={`${view.status === "waiting" || view.status === "in_call" ? "btn-secondary" : "btn-primary"} grow sm:grow-0`}>
          {t("nextPatient")}
        </Link>
        <Link href="/host" className="btn-secondary grow sm:grow-0">
          {t("allVisits")}
        </Link>
      </div>
    </div>
  );
}

function StatusBody({ view, specialtyName }: { view: WaitingView; specialtyName: string | null }) {
  const t = useTranslations("host.status");

  if (view.status === "in_call") {
    return (
      <div className="space-y-3 text-center">
        <p className="text-xl font-semibold">{view.clinicianName ? t("ready", { name: view.clinicianName }) : t("readyNoName")}</p>
        <CallLink consultationId={view.consultationId} className="btn-primary min-h-14 w-full text-lg" testId="join-call">
          {t("joinCall")}
        </CallLink>
      </div>
    );
  }
  if (view.status === "completed") return <p className="text-center text-lg">{t("completed")}</p>;
  if (view.status === "cancelled") {
    return <p className="text-center text-lg">{t(view.exitReason ? `cancelled_${view.exitReason}` : "cancelled")}</p>;
  }

  const queue = view.clinicianName ? t("queueClinician", { name: view.clinicianName }) : specialtyName ? t("queueSpecialty", { specialty: specialtyName }) : null;
  return (
    <div className="space-y-2 text-center">
      <p className="text-slate-600">{t("place")}</p>
      <p className="text-5xl font-bold text-brand-700" data-testid="queue-place">
        {view.place}
      </p>
      <p className="text-lg font-semibold" data-testid="wait-estimate">
        {view.waitMinutes === null ? t("waitNoClinician") : t("waitAbout", { minutes: view.waitMinutes })}
      </p>
      {queue && <p className="text-slate-600">{queue}</p>}
      {view.noAnswerCount > 0 && <p className="rounded-lg bg-amber-50 p-3 text-amber-950">{t("missedOnce")}</p>}
      <p className="text-sm text-slate-600">{t("keepOpen")}</p>
    </div>
  );
}

function WithdrawButton({ action }: { action: (state: FormState) => Promise<FormState> }) {
  const t = useTranslations("host.status");
  const errorText = useErrorText();
  const [state, run, pending] = useActionState(action, {} as FormState);
  return (
    <form action={run} className="grow space-y-2 sm:grow-0">
      <button type="submit" className="btn-secondary w-full border-red-300 text-red-800" disabled={pending}>
        {t("withdraw")}
      </button>
      <FormAlert text={errorText(state.message)} />
    </form>
  );
}
