"use client";

import { createAudioAnalyser, createLocalTracks, Room, Track, type LocalAudioTrack, type LocalTrack, type LocalVideoTrack } from "livekit-client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CALL_ENCODINGS, estimateDataUsePerMinute, type CallMode } from "@/lib/consult/call-encodings";
import type { JoinChoices } from "./in-call";
import { VideoView } from "./tile";

const MODES: CallMode[] = ["video", "low_video", "audio_only"];

/** The microphone's level, so the person sees that they are heard before they join. */
function MicLevel({ track }: { track: LocalAudioTrack }) {
  const t = useTranslations("call");
  const [level, setLevel] = useState(0);
  useEffect(() => {
    const { calculateVolume, cleanup } = createAudioAnalyser(track);
    const id = setInterval(() => setLevel(Math.min(1, calculateVolume() * 4)), 150);
    return () => {
      clearInterval(id);
      void cleanup();
    };
  }, [track]);
  return (
    <div role="meter" aria-label={t("micLevel")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(level * 100)} className="h-2 overflow-hidden rounded bg-slate-200">
      <div className="h-full bg-emerald-600 transition-[width]" style={{ width: `${level * 100}%` }} />
    </div>
  );
}

function DeviceSelect({ kind, label, value, onChange }: { kind: MediaDeviceKind; label: string; value?: string; onChange: (id: string) => void }) {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    void Room.getLocalDevices(kind, false).then(setDevices);
  }, [kind]);
  if (devices.length < 2) return null;
  return (
    <label className="block text-sm">
      {label}
      <select className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2" value={value} onChange={(e) => onChange(e.target.value)}>
        {devices.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || d.deviceId.slice(0, 8)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Before joining: the camera's picture, the microphone's level and a choice of device, and what
 * a minute of the call costs in data in each mode, from the encodings the call publishes with
 * (lib/consult/call-encodings.ts). Our own, instead of LiveKit's PreJoin, which with its
 * dependencies weighed more than the rest of the call page together.
 */
export function DeviceCheck({ onJoin, error }: { onJoin: (choices: JoinChoices) => Promise<boolean>; error: string | null }) {
  const t = useTranslations("call");
  const locale = useLocale();
  const [tracks, setTracks] = useState<LocalTrack[] | null>(null);
  const [problem, setProblem] = useState<"noCamera" | "deviceBlocked" | null>(null);
  const [dataSaver, setDataSaver] = useState(false);
  const [busy, setBusy] = useState(false);
  const video = tracks?.find((track): track is LocalVideoTrack => track.kind === Track.Kind.Video);
  const audio = tracks?.find((track): track is LocalAudioTrack => track.kind === Track.Kind.Audio);

  useEffect(() => {
    let live = true;
    let got: LocalTrack[] = [];
    const keep = (list: LocalTrack[]) => {
      got = list;
      if (live) setTracks(list);
      else list.forEach((track) => track.stop());
    };
    createLocalTracks({ audio: true, video: { resolution: CALL_ENCODINGS.camera } })
      .then(keep)
      .catch(() =>
        createLocalTracks({ audio: true })
          .then((list) => {
            keep(list);
            if (live) setProblem("noCamera");
          })
          .catch(() => live && (setProblem("deviceBlocked"), setTracks([]))),
      );
    return () => {
      live = false;
      got.forEach((track) => track.stop());
    };
  }, []);

  const estimate = estimateDataUsePerMinute();
  const megabytes = new Intl.NumberFormat(locale === "ur" ? "ur-PK" : "en", { maximumFractionDigits: 1, minimumFractionDigits: 1 });

  async function join() {
    setBusy(true);
    // The preview's tracks stop when this unmounts, before the room opens the same devices
    // again by id (a phone's camera cannot be held twice).
    const joined = await onJoin({
      camera: Boolean(video),
      dataSaver,
      videoDeviceId: video?.mediaStreamTrack.getSettings().deviceId,
      audioDeviceId: audio?.mediaStreamTrack.getSettings().deviceId,
    });
    if (!joined) setBusy(false);
  }

  return (
    <div className="card mx-auto max-w-md space-y-3" data-testid="call-device-check">
      <p className="text-sm">{t("deviceCheck")}</p>
      <div className="relative aspect-video overflow-hidden rounded-lg bg-slate-800">{video && <VideoView track={video} mirror />}</div>
      {problem && (
        <p role="alert" className="rounded-lg bg-amber-50 p-2 text-sm text-amber-900">
          {t(problem)}
        </p>
      )}
      {audio && <MicLevel track={audio} />}
      {video && <DeviceSelect kind="videoinput" label={t("camera")} value={video.mediaStreamTrack.getSettings().deviceId} onChange={(id) => void video.restartTrack({ deviceId: id })} />}
      {audio && <DeviceSelect kind="audioinput" label={t("microphone")} value={audio.mediaStreamTrack.getSettings().deviceId} onChange={(id) => void audio.restartTrack({ deviceId: id })} />}
      <div data-testid="call-data-estimate">
        <h2 className="text-sm font-semibold">{t("dataUseTitle")}</h2>
        <ul className="mt-1 grid grid-cols-3 gap-2 text-center text-sm">
          {MODES.map((mode) => (
            <li key={mode} data-mode={mode} className="rounded-lg bg-slate-100 p-2">
              <span className="block font-semibold">{t(`mode_${mode}`)}</span>
              {t("dataUse", { amount: megabytes.format(estimate[mode] / 1_000_000) })}
            </li>
          ))}
        </ul>
      </div>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5" checked={dataSaver} onChange={(e) => setDataSaver(e.target.checked)} />
        {t("joinDataSaver")}
      </label>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="button" data-testid="call-join" className="btn-primary min-h-12 w-full" onClick={() => void join()} disabled={busy || tracks === null}>
        {t("join")}
      </button>
    </div>
  );
}
