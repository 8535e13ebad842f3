"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CallLink, useEnterCall } from "@/app/_components/enter-call";

/** Accept (then straight into the call) or decline; an accepted one offers the way back in. */
export function InvitationAnswer({ invitationId, consultationId, accepted }: { invitationId: string; consultationId: string; accepted: boolean }) {
  const t = useTranslations("guests");
  const te = useTranslations("errors");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [enter, setEnter] = useState<string | undefined>();
  useEnterCall(enter);

  if (accepted) {
    return (
      <CallLink consultationId={consultationId} className="btn-primary inline-flex min-h-11 items-center">
        {t("joinCall")}
      </CallLink>
    );
  }
  async function answer(kind: "accept" | "decline") {
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/invitations/${invitationId}/${kind}`, { method: "POST" }).catch(() => null);
    setBusy(false);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
      const key = body?.error?.message ?? "internal";
      setError(te.has(key as "not_found") ? te(key as "not_found") : t("error"));
      router.refresh();
      return;
    }
    // A full load: the call page's document is the one allowed the camera (see CallLink).
    if (kind === "accept") setEnter(consultationId);
    else router.refresh();
  }
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className="btn-primary min-h-11" disabled={busy} onClick={() => answer("accept")}>
        {t("accept")}
      </button>
      <button type="button" className="btn-secondary min-h-11" disabled={busy} onClick={() => answer("decline")}>
        {t("decline")}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
