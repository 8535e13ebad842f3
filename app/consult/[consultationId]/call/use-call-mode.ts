"use client";

import { ConnectionQuality, ConnectionState, RoomEvent, Track, VideoQuality, type LocalVideoTrack, type Room } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CallMode } from "@/lib/consult/call-encodings";
import { chooseMode, initialLadder, observeScore, type CallModeReason, type LadderResult, type LadderState } from "@/lib/consult/degrade-ladder";

const TICK_MS = 2_000;

/**
 * Puts the room's media in line with this side's mode: remote video subscribed at the top layer,
 * at the low one, or not at all; our own camera published at full quality, capped to the low
 * layer, or stopped. Idempotent, so it runs again whenever someone publishes something new.
 */
function applyMedia(room: Room, mode: CallMode, cameraWanted: boolean, stepped: boolean) {
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.videoTrackPublications.values()) {
      publication.setSubscribed(mode !== "audio_only");
      if (mode !== "audio_only") publication.setVideoQuality(mode === "low_video" ? VideoQuality.LOW : VideoQuality.HIGH);
    }
  }
  const local = room.localParticipant;
  if (mode === "audio_only") {
    if (local.isCameraEnabled) void local.setCameraEnabled(false);
  } else {
    if (cameraWanted && !local.isCameraEnabled) void local.setCameraEnabled(true);
    // The encoder's layers are touched only when the mode steps (or to keep a low cap on a track
    // published anew). Left alone otherwise, dynacast manages them: after a full reconnect
    // livekit-client republishes the camera itself; once, with the layers set in the middle of
    // that, the new publication got no media ("publish time out" on the server).
    if (stepped || mode === "low_video") {
      const camera = local.getTrackPublication(Track.Source.Camera)?.track as LocalVideoTrack | undefined;
      camera?.setPublishingQuality(mode === "low_video" ? VideoQuality.LOW : VideoQuality.HIGH);
    }
  }
}

export type CallModeView = {
  mode: CallMode;
  reason: CallModeReason | null;
  dataSaver: boolean;
  /** The person's own choices: data saver on or off, and their camera on or off. */
  choose: (choice: "data_saver" | "video") => void;
  setCameraWanted: (on: boolean) => void;
};

/**
 * This side's degrade ladder (lib/consult/degrade-ladder.ts) run against LiveKit's scores of our
 * own connection. Each step is applied to the media, told to the other side through our
 * participant attributes (`callMode`, `callModeReason`), and logged on the encounter.
 */
export function useCallMode(room: Room, consultationId: string, startWithDataSaver: boolean, startWithCamera: boolean): CallModeView {
  const ladder = useRef<LadderState>(initialLadder);
  const cameraWanted = useRef(startWithCamera);
  const [current, setCurrent] = useState<{ mode: CallMode; reason: CallModeReason | null; dataSaver: boolean }>({
    mode: "video",
    reason: null,
    dataSaver: false,
  });
  const view = useRef(current);

  const take = useCallback(
    ({ state, step }: LadderResult) => {
      ladder.current = state;
      if (!step) return;
      view.current = { ...step, dataSaver: state.choice === "data_saver" };
      setCurrent(view.current);
      applyMedia(room, step.mode, cameraWanted.current, true);
      const quality = room.localParticipant.connectionQuality;
      void room.localParticipant.setAttributes({ callMode: step.mode, callModeReason: step.reason }).catch(() => undefined);
      void fetch(`/api/consultations/${consultationId}/call-mode`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...step, connectionQuality: quality }),
        keepalive: true,
      }).catch(() => undefined);
    },
    [room, consultationId],
  );

  useEffect(() => {
    const observe = () => take(observeScore(ladder.current, room.localParticipant.connectionQuality, Date.now()));
    const onQuality = (_quality: ConnectionQuality, participant: { isLocal: boolean }) => participant.isLocal && observe();
    // Not while reconnecting: livekit-client is republishing our tracks then, and re-subscribes.
    const reapply = () => room.state === ConnectionState.Connected && applyMedia(room, ladder.current.mode, cameraWanted.current, false);
    const onConnected = () => {
      if (startWithDataSaver && ladder.current.choice !== "data_saver") take(chooseMode(ladder.current, "data_saver"));
    };
    // A full reconnect (a LiveKit restart) makes us a new participant, without our attributes.
    const onReconnected = () => {
      const { mode } = ladder.current;
      if (mode !== "video") void room.localParticipant.setAttributes({ callMode: mode, callModeReason: view.current.reason ?? "" }).catch(() => undefined);
      reapply();
    };
    room.on(RoomEvent.ConnectionQualityChanged, onQuality);
    room.on(RoomEvent.TrackPublished, reapply);
    room.on(RoomEvent.Connected, onConnected);
    room.on(RoomEvent.Reconnected, onReconnected);
    if (room.state === "connected") onConnected();
    const tick = setInterval(observe, TICK_MS);
    return () => {
      room.off(RoomEvent.ConnectionQualityChanged, onQuality);
      room.off(RoomEvent.TrackPublished, reapply);
      room.off(RoomEvent.Connected, onConnected);
      room.off(RoomEvent.Reconnected, onReconnected);
      clearInterval(tick);
    };
  }, [room, take, startWithDataSaver]);

  return {
    ...current,
    choose: (choice) => take(chooseMode(ladder.current, choice)),
    setCameraWanted: (on) => {
      cameraWanted.current = on;
    },
  };
}
