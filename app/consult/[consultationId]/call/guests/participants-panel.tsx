"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCallRoom, useRoomChanges } from "../live-room";
import { callApi, metadataOf, useCallGuests } from "./call-data";

/**
 * Who is in the call, each with their role, and who is invited but not in yet. The clinician
 * can remove an invited specialist; removal is for good (the server refuses them from then on).
 */
export function ParticipantsPanel({ consultationId, canRemove }: { consultationId: string; canRemove: boolean }) {
  const t = useTranslations("guests");
  const room = useCallRoom();
  useRoomChanges(room);
  const remote = [...room.remoteParticipants.values()];
  const [failed, setFailed] = useState(false);
  const { guests, reload: load } = useCallGuests(consultationId);

  async function remove(identity: string, name: string) {
    if (!window.confirm(t("participantRemoveConfirm", { name }))) return;
    const result = await callApi(`/api/consultations/${consultationId}/participants/remove`, { json: { identity } });
    setFailed(!result.ok);
    await load();
  }

  const present = new Set(remote.map((p) => p.identity));
  const role = (value: string | undefined) => (value && ["patient", "host", "clinician", "specialist"].includes(value) ? t(`role_${value}` as "role_patient") : "");
  return (
    <section aria-label={t("participantsTitle")} className="space-y-2 text-slate-900" data-testid="call-participants">
      <ul className="divide-y">
        {remote.map((p) => {
          const meta = metadataOf(p.metadata);
          const name = meta.name ?? p.name ?? p.identity;
          const guest = guests.find((g) => g.identity === p.identity);
          return (
            <li key={p.identity} className="flex flex-wrap items-center justify-between gap-2 py-2" data-identity={p.identity}>
              <span>
                <span className="font-medium">{name}</span> <span className="text-sm text-slate-600">· {role(meta.role)}</span>
                {meta.specialty && <span className="text-sm text-slate-600"> · {meta.specialty}</span>}
                {guest && <span className="block text-xs text-slate-500">{guest.consented ? t("guestConsented") : t("guestAwaitingConsent")}</span>}
              </span>
              {canRemove && p.identity.startsWith("specialist:") && (
                <button type="button" className="btn-secondary min-h-11" onClick={() => remove(p.identity, name)}>
                  {t("participantRemove")}
                </button>
              )}
            </li>
          );
        })}
        {guests
          .filter((g) => !g.identity || !present.has(g.identity))
          .map((g) => (
            <li key={g.invitationId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm text-slate-600">
              <span>
                {t("guestPending", { name: g.name ?? g.specialty ?? "" })}
                {g.status === "accepted" && <span className="block text-xs">{g.consented ? t("guestConsented") : t("guestAwaitingConsent")}</span>}
              </span>
              {canRemove && g.identity && (
                <button type="button" className="btn-secondary min-h-11" onClick={() => remove(g.identity!, g.name ?? "")}>
                  {t("participantRemove")}
                </button>
              )}
            </li>
          ))}
      </ul>
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          {t("error")}
        </p>
      )}
    </section>
  );
}
