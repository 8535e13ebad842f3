"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { callApi, useCallData } from "./call-data";

/** This participant's consent to recording, and whether everyone in the call has given it. */
export function RecordingToggle({ consultationId }: { consultationId: string }) {
  const t = useTranslations("guests");
  const id = useId();
  const [consented, setConsented] = useState(false);
  const [all, setAll] = useState(false);
  const [failed, setFailed] = useState(false);
  useCallData((data) => {
    if (data.kind === "recording") setAll(data.allConsented);
  });
  return (
    <div className="space-y-2 text-slate-900" data-testid="recording-consent">
      <label htmlFor={id} className="flex min-h-11 items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={consented}
          onChange={async (e) => {
            const next = e.target.checked;
            const result = await callApi<{ allConsented: boolean }>(`/api/consultations/${consultationId}/recording-consent`, { json: { consented: next } });
            setFailed(!result.ok);
            if (!result.ok) return;
            setConsented(next);
            setAll(result.data.allConsented);
          }}
        />
        {t("recordingConsent")}
      </label>
      <p role="status" className="text-sm text-slate-600">
        {all ? t("recordingAll") : t("recordingNotAll")}
      </p>
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          {t("error")}
        </p>
      )}
    </div>
  );
}
