"use client";

import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState } from "react";

const REOPEN_FIRST_MS = 3_000;
const REOPEN_MAX_MS = 60_000;
const REFRESH_EVERY_MS = 500;

/**
 * Opens an EventSource on `url` and hands each `event`'s raw data to `onData`; returns whether
 * the stream is open. The browser reconnects by itself after a dropped connection, but gives
 * up for good on an HTTP error (a 502 from a proxy during a deploy, say), so then it is reopened
 * here, with backoff.
 */
function useEventSource(url: string | null, event: string, onData: (data: string) => void): boolean {
  const [live, setLive] = useState(false);
  const handleData = useEffectEvent(onData);

  useEffect(() => {
    if (!url) return;
    let source: EventSource | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenMs = REOPEN_FIRST_MS;
    const onMessage = (message: MessageEvent<string>) => handleData(message.data);

    function connect(href: string) {
      const current = new EventSource(href);
      source = current;
      current.onopen = () => {
        reopenMs = REOPEN_FIRST_MS;
        setLive(true);
      };
      current.onerror = () => {
        setLive(false);
        if (current.readyState !== EventSource.CLOSED) return; // The browser is reconnecting.
        current.close();
        reopenTimer = setTimeout(() => connect(href), reopenMs);
        reopenMs = Math.min(reopenMs * 2, REOPEN_MAX_MS);
      };
      current.addEventListener(event, onMessage);
    }

    connect(url);
    return () => {
      clearTimeout(reopenTimer);
      source?.close();
      setLive(false);
    };
  }, [url, event]);

  return url !== null && live;
}

/**
 * The latest JSON value of one event of a server-sent event stream, and whether the stream is
 * connected (false while it (re)connects, so the page can say updates are paused). Data that
 * does not parse is ignored and the previous value kept. A null `url` opens no connection;
 * a new `url` closes the old stream and keeps showing the last value until the new one sends.
 */
export function useEventStream<T>(url: string | null, event: string, initial: T): { data: T; live: boolean } {
  const [data, setData] = useState(initial);
  const live = useEventSource(url, event, (raw) => {
    let parsed: T;
    try {
      parsed = JSON.parse(raw) as T;
    } catch {
      return;
    }
    setData(() => parsed);
  });
  return { data, live };
}

/**
 * Re-renders a server-rendered page when `event` arrives: at most once per 500 ms, and a burst
 * of events always ends with one refresh after its last event. Returns whether the stream is live.
 */
export function useStreamRefresh(url: string | null, event: string): boolean {
  const router = useRouter();
  const lastRefresh = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(pending.current), []);

  return useEventSource(url, event, () => {
    if (pending.current) return; // A refresh is already due, and it will show this event too.
    const refresh = () => {
      pending.current = undefined;
      lastRefresh.current = Date.now();
      router.refresh();
    };
    const wait = lastRefresh.current + REFRESH_EVERY_MS - Date.now();
    if (wait <= 0) refresh();
    else pending.current = setTimeout(refresh, wait);
  });
}
