"use client";

import { DisconnectReason, Room, RoomEvent, Track } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { CallRole } from "@/lib/consult/grants";
import { Icon, type IconName } from "./icons";
import { CallRoomContext, useRoomChanges } from "./live-room";
import { roomOptions, screenShareCapture } from "./room-options";
import { RemoteAudio, Tile, type RemoteView } from "./tile";
import { useCallMode } from "./use-call-mode";

export type CallPanel = { id: string; label: string; content: ReactNode };
export type JoinChoices = { audioDeviceId?: string; videoDeviceId?: string; camera: boolean; dataSaver: boolean };
/** How the call ended for this side: left by the person, closed by the server, removed, or lost. */
export type CallEnd = "left" | "ended" | "removed" | "cut_off";

function endOf(reason?: DisconnectReason): CallEnd {
  if (reason === DisconnectReason.CLIENT_INITIATED) return "left";
  if (reason === DisconnectReason.ROOM_DELETED || reason === DisconnectReason.ROOM_CLOSED) return "ended";
  if (reason === DisconnectReason.PARTICIPANT_REMOVED) return "removed";
  return "cut_off";
}

/** The consult timer: from admittedAt by the server's clock (`skewMs` is server minus ours), so a reload does not reset it. */
function CallTimer({ admittedAt, skewMs }: { admittedAt: number; skewMs: number }) {
  const t = useTranslations("call");
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const total = Math.max(0, Math.floor((now + skewMs - admittedAt) / 1000));
  const two = (n: number) => String(n).padStart(2, "0");
  const text = `${total >= 3600 ? `${Math.floor(total / 3600)}:` : ""}${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
  return (
    <span role="timer" aria-label={t("timer")} data-testid="call-timer" dir="ltr" className="rounded-full bg-black/60 px-2.5 py-1 font-mono text-sm tabular-nums text-white">
      {text}
    </span>
  );
}

function ControlButton({ icon, label, onClick, pressed, off, danger, disabled, ...rest }: {
  icon: IconName;
  label: string;
  onClick: () => void;
  pressed?: boolean;
  off?: boolean;
  danger?: boolean;
  disabled?: boolean;
  "data-lk-enabled"?: string;
  "aria-expanded"?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={pressed}
      disabled={disabled}
      className={`flex min-h-12 min-w-12 flex-col items-center justify-center gap-0.5 rounded-xl px-2 py-1 text-xs leading-tight disabled:opacity-40 ${danger ? "bg-red-600 text-white" : pressed || off ? "bg-white text-slate-900" : "bg-white/15 text-white"}`}
      {...rest}
    >
      <Icon name={icon} off={off} />
      <span className="max-w-20 truncate">{label}</span>
    </button>
  );
}

/**
 * The joined call. The other side fills the stage and the self-view sits small in the bottom
 * corner at the end of the line, as on a phone call; with more people, the main one stays large
 * (a shared screen first, else whoever was tapped, else the first to join) and the others are
 * small tiles at the start side. The controls are one row at the bottom, where a thumb reaches.
 */
export function InCall({
  token,
  serverUrl,
  consultationId,
  role,
  admittedAt,
  skewMs,
  choices,
  panels,
  children,
  onEnd,
  className,
}: {
  token: string;
  serverUrl: string;
  consultationId: string;
  role: CallRole | null;
  admittedAt: number | null;
  skewMs: number;
  choices: JoinChoices;
  panels: CallPanel[];
  children?: ReactNode;
  onEnd: (end: CallEnd) => void;
  className: string;
}) {
  const t = useTranslations("call");
  const [room] = useState(() => new Room(roomOptions));
  const [openPanel, setOpenPanel] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  useRoomChanges(room);
  // Joining replaces the device check, which may have been scrolled to reach its button; bring
  // the call itself into view. Besides being what the person wants, a video scrolled out of
  // sight is paused by adaptive stream, and the other side's camera stops sending.
  const frame = useRef<HTMLDivElement>(null);
  // (A block body: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.)
  useEffect(() => {
    frame.current?.scrollIntoView({ block: "nearest" });
  }, []);
  const callMode = useCallMode(room, consultationId, choices.dataSaver, choices.camera);

  useEffect(() => {
    let live = true;
    const onDisconnected = (reason?: DisconnectReason) => live && onEnd(endOf(reason));
    room.on(RoomEvent.Disconnected, onDisconnected);
    room
      .connect(serverUrl, token)
      .then(async () => {
        if (!live) return;
        await room.localParticipant.setMicrophoneEnabled(true, { deviceId: choices.audioDeviceId }).catch(() => undefined);
        if (choices.camera && !choices.dataSaver) await room.localParticipant.setCameraEnabled(true, { deviceId: choices.videoDeviceId }).catch(() => undefined);
      })
      .catch(() => live && onEnd("cut_off"));
    return () => {
      live = false;
      room.off(RoomEvent.Disconnected, onDisconnected);
      void room.disconnect();
    };
    // One connection per mounted call; the token and the choices are those it joined with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room]);

  const views: RemoteView[] = [];
  for (const participant of room.remoteParticipants.values()) {
    if (participant.getTrackPublication(Track.Source.ScreenShare)) {
      views.unshift({ participant, source: Track.Source.ScreenShare, key: `${participant.identity}/screen` });
    }
    views.push({ participant, source: Track.Source.Camera, key: participant.identity });
  }
  const main = views.find((v) => v.source === Track.Source.ScreenShare) ?? views.find((v) => v.key === selected) ?? views[0];
  const others = views.filter((v) => v !== main);
  const local = room.localParticipant;
  const reconnecting = room.state === "reconnecting" || room.state === "signalReconnecting";
  const audioOnly = callMode.mode === "audio_only";
  const clinical = role === "clinician" || role === "specialist";
  const canShare = clinical && typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getDisplayMedia);

  const toggle = (source: "mic" | "camera" | "screen") => {
    if (source === "mic") void local.setMicrophoneEnabled(!local.isMicrophoneEnabled);
    else if (source === "camera") {
      callMode.setCameraWanted(!local.isCameraEnabled);
      void local.setCameraEnabled(!local.isCameraEnabled);
    } else void local.setScreenShareEnabled(!local.isScreenShareEnabled, screenShareCapture).catch(() => undefined);
  };

  return (
    <CallRoomContext.Provider value={room}>
        <div ref={frame} className={`flex flex-col overflow-hidden bg-slate-950 text-white ${className}`}>
          <div className="relative flex min-h-0 flex-1">
            <div data-testid="call-stage" data-call-mode={callMode.mode} className="relative min-w-0 flex-1">
              {main ? (
                <Tile key={main.key} participant={main.participant} source={main.source} size="main" />
              ) : (
                <p role="status" className="absolute inset-0 flex items-center justify-center p-4 text-center">
                  {t("waitingForOther")}
                </p>
              )}
              {others.length > 0 && (
                <div className="absolute start-2 top-12 z-10 flex w-[28%] max-w-48 flex-col gap-2 landscape:w-1/6">
                  {others.map((view) => (
                    <button key={view.key} type="button" onClick={() => setSelected(view.key)} aria-label={view.participant.name} className="block w-full">
                      <Tile participant={view.participant} source={view.source} size="small" />
                    </button>
                  ))}
                </div>
              )}
              {local.isCameraEnabled && (
                <div className="absolute bottom-2 end-2 z-10 w-[30%] max-w-56 landscape:w-1/5">
                  <Tile participant={local} size="self" />
                </div>
              )}
              <div className="pointer-events-none absolute inset-x-0 top-0 z-20 flex flex-col items-end gap-1 p-2">
                {admittedAt !== null && <CallTimer admittedAt={admittedAt} skewMs={skewMs} />}
                {reconnecting && (
                  <p data-testid="call-reconnecting" role="status" className="self-center rounded-lg bg-amber-500 px-3 py-1.5 text-sm font-semibold text-slate-950">
                    {t("reconnecting")}
                  </p>
                )}
                {callMode.mode !== "video" && (
                  <div data-testid="call-mode-status" role="status" className="pointer-events-auto flex max-w-md items-center gap-2 self-center rounded-lg bg-slate-900/90 px-3 py-1.5 text-sm">
                    <span>{t(callMode.mode === "low_video" ? "status_low_video" : callMode.reason === "data_saver" ? "status_audio_only_data_saver" : "status_audio_only_poor_connection")}</span>
                    {audioOnly && (
                      <button type="button" onClick={() => callMode.choose("video")} className="min-h-11 shrink-0 rounded-lg bg-white px-3 font-semibold text-slate-900">
                        {t("videoAgain")}
                      </button>
                    )}
                  </div>
                )}
              </div>
              {children}
            </div>
            {panels.map((panel) => (
              <section
                key={panel.id}
                id={`call-panel-${panel.id}`}
                aria-label={panel.label}
                hidden={openPanel !== panel.id}
                className="absolute inset-x-0 bottom-0 z-30 max-h-[70%] overflow-y-auto rounded-t-2xl bg-white p-3 text-slate-900 shadow-2xl lg:static lg:max-h-none lg:w-80 lg:rounded-none lg:border-s lg:shadow-none"
              >
                <div className="mb-2 flex items-center justify-between gap-2">
                  <h2 className="font-bold">{panel.label}</h2>
                  <button type="button" onClick={() => setOpenPanel(null)} className="min-h-11 min-w-11 rounded-lg px-2 text-sm underline">
                    {t("close")}
                  </button>
                </div>
                {panel.content}
              </section>
            ))}
          </div>
          <div role="toolbar" aria-label={t("controls")} className="flex flex-wrap items-center justify-center gap-2 p-2">
            <ControlButton icon="mic" label={t("microphone")} onClick={() => toggle("mic")} off={!local.isMicrophoneEnabled} pressed={local.isMicrophoneEnabled} data-lk-enabled={String(local.isMicrophoneEnabled)} />
            <ControlButton icon="camera" label={t("camera")} onClick={() => toggle("camera")} disabled={audioOnly} off={!local.isCameraEnabled} pressed={local.isCameraEnabled} data-lk-enabled={String(local.isCameraEnabled)} />
            <ControlButton icon="saver" label={t("dataSaver")} onClick={() => callMode.choose(callMode.dataSaver ? "video" : "data_saver")} pressed={callMode.dataSaver} />
            {canShare && <ControlButton icon="screen" label={t("shareScreen")} onClick={() => toggle("screen")} pressed={local.isScreenShareEnabled} />}
            {panels.map((panel) => (
              <ControlButton key={panel.id} icon="panel" label={panel.label} aria-expanded={openPanel === panel.id} onClick={() => setOpenPanel(openPanel === panel.id ? null : panel.id)} />
            ))}
            <ControlButton icon="leave" label={t("leave")} onClick={() => void room.disconnect()} danger />
          </div>
          <RemoteAudio room={room} />
        </div>
    </CallRoomContext.Provider>
  );
}

