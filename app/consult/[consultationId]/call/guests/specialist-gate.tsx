"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useCallRoom, useRoomChanges } from "../live-room";

/**
 * For an invited specialist: until the patient's side consents, the server gives them no right
 * to publish or subscribe, so this says why the call is silent. When the rights arrive, their
 * camera and microphone are turned on (they could not be when the room was joined).
 */
export function SpecialistGate() {
  const t = useTranslations("guests");
  const room = useCallRoom();
  useRoomChanges(room);
  const { localParticipant } = room;
  const permissions = localParticipant.permissions;
  const published = useRef(false);

  useEffect(() => {
    if (!permissions?.canPublish || published.current) return;
    published.current = true;
    void localParticipant.setCameraEnabled(true).catch(() => undefined);
    void localParticipant.setMicrophoneEnabled(true).catch(() => undefined);
  }, [permissions?.canPublish, localParticipant]);

  if (permissions?.canSubscribe) return null;
  return (
    <p role="status" data-testid="specialist-waiting" className="absolute inset-x-2 top-2 z-40 rounded-xl bg-white p-4 text-center text-slate-900 shadow-xl">
      {t("specialistWaiting")}
    </p>
  );
}
