"use client";

import { RoomEvent, type Room } from "livekit-client";
import { createContext, useContext, useEffect, useReducer } from "react";

/** The LiveKit room of the call, for what is drawn inside it (CallRoom's `children` and `panels`). */
export const CallRoomContext = createContext<Room | null>(null);

/** The room of the call around this component; only inside CallRoom. */
export function useCallRoom(): Room {
  const room = useContext(CallRoomContext);
  if (!room) throw new Error("useCallRoom outside CallRoom");
  return room;
}

// Everything that changes what a tile, the toolbar or the status line shows.
const RENDER_EVENTS = [
  RoomEvent.ConnectionStateChanged,
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.TrackStreamStateChanged,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.ConnectionQualityChanged,
  RoomEvent.ParticipantAttributesChanged,
  RoomEvent.ParticipantMetadataChanged,
  RoomEvent.ParticipantPermissionsChanged,
  RoomEvent.Reconnecting,
  RoomEvent.SignalReconnecting,
  RoomEvent.Reconnected,
] as const;

/**
 * Re-renders the caller whenever the room changes in a way the screen shows. The room object
 * is the state; React only needs to know when to read it again, which keeps the call free of
 * a state library (the bytes a prepaid phone pays for).
 */
export function useRoomChanges(room: Room): void {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    for (const event of RENDER_EVENTS) room.on(event, changed);
    return () => {
      for (const event of RENDER_EVENTS) room.off(event, changed);
    };
  }, [room]);
}
