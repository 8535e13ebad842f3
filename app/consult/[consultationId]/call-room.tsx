"use client";

import "./call-room.css";
import {
  DisconnectButton,
  GridLayout,
  LiveKitRoom,
  ParticipantTile,
  PreJoin,
  RoomAudioRenderer,
  TrackToggle,
  useTracks,
  type LocalUserChoices,
} from "@livekit/components-react";
import { Track } from "livekit-client";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

type Joined = { token: string; serverUrl: string; choices: LocalUserChoices };

/**
 * The call: a device check first, then a token fetched for this consultation only, then the
 * room. Adaptive stream and dynacast keep weak phones from receiving more than they show.
 * `fillSmallScreen` gives the joined call the whole screen below the large breakpoint, as a
 * phone call does (patients, facility devices); the clinician's call stays in the page, above
 * or beside the note they are writing.
 */
export function CallRoom({
  consultationId,
  displayName,
  afterLeaveHref,
  fillSmallScreen,
  panels = [],
  children,
}: {
  consultationId: string;
  displayName: string;
  afterLeaveHref: string;
  fillSmallScreen: boolean;
  /** Panels a toolbar button opens (chat, people, invite…); their content runs inside the room. */
  panels?: { id: string; label: string; content: ReactNode }[];
  /** Overlays drawn over the stage inside the room (the consent question). */
  children?: ReactNode;
}) {
  const t = useTranslations("call");
  const [joined, setJoined] = useState<Joined | null>(null);
  const [left, setLeft] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openPanel, setOpenPanel] = useState<string | null>(null);

  async function join(choices: LocalUserChoices) {
    setError(null);
    const response = await fetch(`/api/consultations/${consultationId}/token`, { method: "POST" });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? "call_not_open");
      return;
    }
    const { token, serverUrl } = (await response.json()) as { token: string; serverUrl: string };
    setJoined({ token, serverUrl, choices });
  }

  if (left) {
    return (
      <div className="card space-y-3 text-center">
        <p>{t("left")}</p>
        <a href={afterLeaveHref} className="btn-primary">
          {t("continue")}
        </a>
      </div>
    );
  }

  if (!joined) {
    return (
      <div data-lk-theme="default" className="space-y-3 rounded-xl p-3">
        <PreJoin
          defaults={{ username: displayName, videoEnabled: true, audioEnabled: true }}
          onSubmit={join}
          joinLabel={t("join")}
          micLabel={t("microphone")}
          camLabel={t("camera")}
          userLabel={t("name")}
          persistUserChoices={false}
        />
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
            {t(`error_${error}`)}
          </p>
        )}
      </div>
    );
  }

  return (
    <LiveKitRoom
      token={joined.token}
      serverUrl={joined.serverUrl}
      connect
      video={joined.choices.videoEnabled ? { deviceId: joined.choices.videoDeviceId } : false}
      audio={joined.choices.audioEnabled ? { deviceId: joined.choices.audioDeviceId } : false}
      options={{ adaptiveStream: true, dynacast: true }}
      onDisconnected={() => setLeft(true)}
      data-lk-theme="default"
      className={`flex flex-col overflow-hidden ${fillSmallScreen ? "fixed inset-0 z-50 lg:relative lg:inset-auto lg:z-auto lg:h-[70dvh] lg:rounded-xl" : "relative h-[70dvh] rounded-xl"}`}
    >
      <div className="relative flex min-h-0 flex-1 flex-col">
        <Stage />
        {children}
      </div>
      <RoomAudioRenderer />
      {panels.map((panel) => (
        // Kept mounted while closed, so that a panel hears the room's messages all along.
        <div key={panel.id} id={`call-panel-${panel.id}`} hidden={openPanel !== panel.id} className="max-h-[45%] flex-none overflow-y-auto bg-white p-3">
          {panel.content}
        </div>
      ))}
      <div className="flex flex-wrap items-center justify-center gap-2 p-2" role="toolbar" aria-label={t("controls")}>
        <TrackToggle source={Track.Source.Microphone}>{t("microphone")}</TrackToggle>
        <TrackToggle source={Track.Source.Camera}>{t("camera")}</TrackToggle>
        {panels.map((panel) => (
          <button
            key={panel.id}
            type="button"
            className="lk-button"
            aria-expanded={openPanel === panel.id}
            aria-controls={`call-panel-${panel.id}`}
            onClick={() => setOpenPanel((open) => (open === panel.id ? null : panel.id))}
          >
            {panel.label}
          </button>
        ))}
        <DisconnectButton>{t("leave")}</DisconnectButton>
      </div>
    </LiveKitRoom>
  );
}

/**
 * The other side fills the screen and the local camera sits in a small corner, as on a phone
 * call; a grid would shrink the doctor to a stamp on a 360 px screen.
 */
function Stage() {
  const t = useTranslations("call");
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], { onlySubscribed: false });
  const remote = tracks.filter((track) => !track.participant.isLocal);
  const local = tracks.find((track) => track.participant.isLocal);
  return (
    <div className="relative min-h-0 flex-1">
      {remote.length > 0 ? (
        <GridLayout tracks={remote} className="absolute inset-0">
          <ParticipantTile />
        </GridLayout>
      ) : (
        <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-white" role="status">
          {t("waitingForOther")}
        </p>
      )}
      {local && (
        // Without the name: on a 360 px phone it would cover most of the small picture, and the
        // person knows who they are.
        <div className="absolute bottom-2 end-2 w-[30%] max-w-56 overflow-hidden rounded-lg shadow-lg ring-2 ring-white/70 landscape:w-1/5 [&_.lk-participant-metadata]:hidden">
          <ParticipantTile trackRef={local} />
        </div>
      )}
    </div>
  );
}
