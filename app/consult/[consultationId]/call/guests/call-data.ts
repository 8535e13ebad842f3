"use client";

import { RoomEvent } from "livekit-client";
import { useCallback, useEffect, useEffectEvent, useState } from "react";
import type { CallData } from "@/lib/livekit/call-data";
import { useCallRoom } from "../live-room";

export type { CallData, CallMessage } from "@/lib/livekit/call-data";

/** Calls `onData` with each message the server sends the room on topic `rabta.call`. */
export function useCallData(onData: (data: CallData) => void): void {
  const room = useCallRoom();
  const handle = useEffectEvent(onData);
  useEffect(() => {
    const listener = (payload: Uint8Array, _participant?: unknown, _kind?: unknown, topic?: string) => {
      if (topic !== "rabta.call") return;
      try {
        handle(JSON.parse(new TextDecoder().decode(payload)) as CallData);
      } catch {
        // Not ours to read.
      }
    };
    room.on(RoomEvent.DataReceived, listener);
    return () => {
      room.off(RoomEvent.DataReceived, listener);
    };
  }, [room]);
}

/** A JSON (or form) request to the call's API; `{ ok, data }` or `{ ok: false, code }`. */
export async function callApi<T>(url: string, init?: { method?: string; json?: unknown; form?: FormData }): Promise<{ ok: true; data: T } | { ok: false; code: string }> {
  try {
    const response = await fetch(url, {
      method: init?.method ?? (init?.json !== undefined || init?.form ? "POST" : "GET"),
      headers: init?.json !== undefined ? { "content-type": "application/json" } : undefined,
      body: init?.form ?? (init?.json !== undefined ? JSON.stringify(init.json) : undefined),
    });
    if (response.status === 204) return { ok: true, data: undefined as T };
    const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    if (!response.ok) return { ok: false, code: body?.error?.message ?? "internal" };
    return { ok: true, data: body as T };
  } catch {
    return { ok: false, code: "internal" };
  }
}

/** The role a participant's token metadata names (`{ role, name, specialty }`). */
export function metadataOf(metadata: string | undefined): { role?: string; name?: string; specialty?: string } {
  try {
    return metadata ? (JSON.parse(metadata) as { role?: string; name?: string; specialty?: string }) : {};
  } catch {
    return {};
  }
}

/** An invited guest of the call as GET /participants lists them. */
export type CallGuest = {
  invitationId: string;
  status: "pending" | "accepted";
  identity: string | null;
  name: string | null;
  specialty: string | null;
  consented: boolean;
};

/** The call's invited guests, or null when they could not be read. */
export async function fetchGuests(consultationId: string): Promise<CallGuest[] | null> {
  const result = await callApi<{ guests: CallGuest[] }>(`/api/consultations/${consultationId}/participants`);
  return result.ok ? result.data.guests : null;
}

/**
 * The call's invited guests, read when the call opens and again whenever the server says who is
 * invited or consented changed; `reload` reads them once more.
 */
export function useCallGuests(consultationId: string, onData?: (data: CallData) => void): { guests: CallGuest[]; reload: () => Promise<void> } {
  const [guests, setGuests] = useState<CallGuest[]>([]);
  const reload = useCallback(async () => {
    const found = await fetchGuests(consultationId);
    if (found) setGuests(found);
  }, [consultationId]);
  useEffect(() => {
    fetchGuests(consultationId).then((found) => found && setGuests(found));
  }, [consultationId]);
  useCallData((data) => {
    onData?.(data);
    if (data.kind === "consent_needed" || data.kind === "participants_changed") void reload();
  });
  return { guests, reload };
}
