"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi, useCallGuests } from "./call-data";

/**
 * Over the call, for the patient or the host beside them: a specialist who accepted an
 * invitation waits here until they are allowed in. Nothing of theirs reaches this side before
 * that (the server withholds it). "Not now" hides the question until the specialist asks again.
 */
export function ConsentPrompt({ consultationId }: { consultationId: string }) {
  const t = useTranslations("guests");
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const { guests, reload: load } = useCallGuests(consultationId, (data) => {
    if (data.kind === "consent_needed") setDismissed((ids) => ids.filter((id) => id !== data.invitationId));
  });

  const asking = guests.find((g) => g.status === "accepted" && !g.consented && !dismissed.includes(g.invitationId));
  if (!asking) return null;
  const name = asking.name ?? "";
  return (
    <div className="absolute inset-x-2 top-2 z-40 flex justify-center" data-testid="consent-prompt">
      <div role="alertdialog" aria-labelledby="consent-title" aria-describedby="consent-question" className="w-full max-w-md space-y-3 rounded-xl bg-white p-4 text-slate-900 shadow-xl">
        <h2 id="consent-title" className="text-lg font-bold">
          {t("consentTitle")}
        </h2>
        <p id="consent-question">{asking.specialty ? t("consentQuestion", { name, specialty: asking.specialty }) : t("consentQuestionNoSpecialty", { name })}</p>
        {failed && (
          <p role="alert" className="text-sm text-red-800">
            {t("error")}
          </p>
        )}
        <div className="flex gap-2">
          <button
            type="button"
            className="btn-primary min-h-12 flex-1"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const result = await callApi(`/api/invitations/${asking.invitationId}/consent`, { method: "POST" });
              setBusy(false);
              setFailed(!result.ok);
              await load();
            }}
          >
            {t("consentAllow")}
          </button>
          <button type="button" className="btn-secondary min-h-12 flex-1" onClick={() => setDismissed((ids) => [...ids, asking.invitationId])}>
            {t("consentNotNow")}
          </button>
        </div>
      </div>
    </div>
  );
}
