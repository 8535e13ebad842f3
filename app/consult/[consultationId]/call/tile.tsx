"use client";

import { Track, type Participant, type RemoteParticipant, type Room } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { CallRole } from "@/lib/consult/grants";

const ROLES: readonly CallRole[] = ["patient", "host", "clinician", "specialist"];

/**
 * Who a participant is, from their token's metadata `{ role, name, specialty? }`; the role falls
 * back to their identity's prefix (`<role>:<userId>`), which the server sets too.
 */
export function describeParticipant(participant: Participant): { role: CallRole | null; name: string; specialty?: string } {
  let meta: { role?: string; name?: string; specialty?: string } = {};
  try {
    meta = JSON.parse(participant.metadata || "{}");
  } catch {}
  const role = [meta.role, participant.identity.split(":")[0]].find((r): r is CallRole => ROLES.includes(r as CallRole)) ?? null;
  return { role, name: participant.name || meta.name || "", specialty: meta.specialty };
}

/** A video track drawn into a <video>; attach() is what lets adaptive stream see the element's size. */
export function VideoView({ track, mirror, contain }: { track: Track; mirror?: boolean; contain?: boolean }) {
  const ref = useAttached<HTMLVideoElement>(track);
  return (
    <video
      ref={ref}
      muted
      playsInline
      autoPlay
      className={`absolute inset-0 h-full w-full ${contain ? "object-contain" : "object-cover"} ${mirror ? "-scale-x-100" : ""}`}
    />
  );
}

/** Every remote microphone, played; nothing on screen. */
export function RemoteAudio({ room }: { room: Room }) {
  return [...room.remoteParticipants.values()].map((p) => {
    const track = p.getTrackPublication(Track.Source.Microphone)?.track;
    return track ? <AudioView key={track.sid} track={track} /> : null;
  });
}

function AudioView({ track }: { track: Track }) {
  return <audio ref={useAttached<HTMLAudioElement>(track)} autoPlay />;
}

/** A ref for the element `track` plays in, attached while both are there. */
function useAttached<E extends HTMLMediaElement>(track: Track) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const element = ref.current!;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);
  return ref;
}

const BARS = { excellent: 3, good: 2, poor: 1, lost: 0, unknown: 0 } as const;

/** LiveKit's score of a participant's connection, as bars, and in words for a screen reader. */
export function QualityBadge({ participant, label }: { participant: Participant; label: string }) {
  const t = useTranslations("call");
  const quality = (participant.connectionQuality in BARS ? participant.connectionQuality : "unknown") as keyof typeof BARS;
  const text = t("qualityOf", { name: label, quality: t(`quality_${quality}`) });
  return (
    <span
      data-testid="call-quality"
      data-quality={quality}
      data-identity={participant.identity}
      role="img"
      aria-label={text}
      title={text}
      className="flex h-4 items-end gap-0.5 rounded bg-black/50 px-1 py-0.5"
    >
      {[1, 2, 3].map((bar) => (
        <span
          key={bar}
          className={`w-1 rounded-sm ${bar <= BARS[quality] ? (quality === "poor" ? "bg-amber-400" : "bg-emerald-400") : quality === "lost" ? "bg-red-500" : "bg-white/40"}`}
          style={{ height: `${bar * 33}%` }}
        />
      ))}
    </span>
  );
}

/**
 * One person in the call: their camera (or screen), their role and name, their connection, and,
 * when their side went to low video or audio-only, why, in words. The LiveKit class and
 * data attribute stay, because the call tests find the tiles by them (e2e/support/media.ts).
 */
export function Tile({
  participant,
  source = Track.Source.Camera,
  size,
}: {
  participant: Participant;
  source?: Track.Source;
  size: "main" | "small" | "self";
}) {
  const t = useTranslations("call");
  const who = describeParticipant(participant);
  const local = participant.isLocal;
  const name = local ? t("you") : who.name;
  const publication = participant.getTrackPublication(source);
  const track = publication && !publication.isMuted ? publication.track : undefined;
  const screen = source === Track.Source.ScreenShare;
  const mode = participant.attributes.callMode;
  const remoteMode = !local && (mode === "low_video" || mode === "audio_only") ? mode : null;
  const roleLabel = who.role ? t(`role_${who.role}`) + (who.specialty ? ` · ${who.specialty}` : "") : null;
  return (
    <div
      className={`lk-participant-tile call-tile relative overflow-hidden bg-slate-800 text-white ${size === "main" ? "h-full w-full" : "aspect-video rounded-lg shadow-lg ring-2 ring-white/70"}`}
      data-lk-local-participant={local ? "true" : "false"}
      data-identity={participant.identity}
      data-role={who.role ?? undefined}
    >
      {track ? (
        <VideoView track={track} mirror={local && !screen} contain={screen} />
      ) : (
        <span aria-hidden className="absolute inset-0 flex items-center justify-center text-4xl font-bold text-white/70">
          {(who.name || "?").slice(0, 1)}
        </span>
      )}
      {size !== "self" && (
        // The badge follows the name; the stage's timer takes the top corner at the end.
        <div className={`absolute inset-x-0 top-0 flex items-center gap-1.5 bg-gradient-to-b from-black/60 to-transparent p-2 text-sm ${size === "main" ? "pe-20" : ""}`}>
          <span className="min-w-0 truncate">
            {roleLabel && (
              <span data-testid="call-role" className="me-1 rounded bg-white/90 px-1.5 py-0.5 text-xs font-semibold text-slate-900">
                {roleLabel}
              </span>
            )}
            {screen ? t("screenOf", { name }) : name}
          </span>
          <QualityBadge participant={participant} label={name} />
        </div>
      )}
      {size === "self" && (
        <span className="absolute end-1 top-1">
          <QualityBadge participant={participant} label={name} />
        </span>
      )}
      {remoteMode && !screen && (
        <p
          data-testid="call-remote-mode"
          data-identity={participant.identity}
          className="absolute inset-x-2 bottom-2 rounded bg-black/70 p-1.5 text-center text-xs"
        >
          {t(
            remoteMode === "low_video"
              ? "remote_low_video"
              : participant.attributes.callModeReason === "data_saver"
                ? "remote_audio_only_data_saver"
                : "remote_audio_only_poor_connection",
            { name: who.name },
          )}
        </p>
      )}
    </div>
  );
}

export type RemoteView = { participant: RemoteParticipant; source: Track.Source; key: string };
