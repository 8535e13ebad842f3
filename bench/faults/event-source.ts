// A waiting patient's live queue connection that reconnects the way the waiting page's does:
// the browser's EventSource (after a dropped stream or a network error: wait the server's
// `retry:` time, then connect again, sending Last-Event-ID), and on top of it the page's hook
// (app/_components/use-event-stream.ts), which reopens a stream the browser gave up on after an
// HTTP error, 3 s later and then with doubling waits.
import type { Client } from "../booking/http";
import { SseParser, type QueueView } from "../queue/sse";
import { sleep } from "./drill";

// The HTML standard leaves the initial reconnection time to the browser; a few seconds is usual.
const DEFAULT_RETRY_MS = 3_000;
// use-event-stream.ts's REOPEN_FIRST_MS and REOPEN_MAX_MS.
const REOPEN_FIRST_MS = 3_000;
const REOPEN_MAX_MS = 60_000;
// A connection attempt that has not produced response headers by then is abandoned (a browser
// waits longer, but a drill must not hang on one).
const CONNECT_TIMEOUT_MS = 30_000;

/** One connection of the stream: which server answered (nginx's X-Rabta-Upstream), and when. */
export type Connection = { upstream: string; openedAt: number; firstEventAt: number | null; endedAt: number | null; end?: string };

export class ReconnectingQueueStream {
  latest: QueueView | null = null;
  lastEventAt = 0;
  readonly connections: Connection[] = [];
  /** HTTP errors that made the browser give up and the page reopen the stream. */
  httpErrors = 0;
  /** The reconnection time in force: the server's last `retry:`, else the browser's default. */
  retryMs = DEFAULT_RETRY_MS;
  private lastEventId: string | null = null;
  private closed = false;
  private readonly abort = new AbortController();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly client: Client,
    private readonly path: string,
  ) {
    void this.run();
  }

  /** The connection that is open now, if any. */
  get current(): Connection | null {
    const last = this.connections.at(-1);
    return last && last.endedAt === null ? last : null;
  }

  /** Resolves when `condition` holds, checked after every event and connection change; false at the deadline. */
  waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    if (condition()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        resolve(false);
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  close(): void {
    this.closed = true;
    this.abort.abort();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async run(): Promise<void> {
    let reopenMs = REOPEN_FIRST_MS;
    while (!this.closed) {
      const outcome = await this.connectOnce();
      if (this.closed) return;
      if (outcome === "http_error") {
        // EventSource fails the connection for good; the page's hook opens a new one later.
        this.httpErrors++;
        await sleep(reopenMs);
        reopenMs = Math.min(reopenMs * 2, REOPEN_MAX_MS);
      } else {
        if (outcome === "opened") reopenMs = REOPEN_FIRST_MS;
        await sleep(this.retryMs);
      }
    }
  }

  /** One request: "opened" if a stream was read until it ended, "network" if none came, "http_error" otherwise. */
  private async connectOnce(): Promise<"opened" | "network" | "http_error"> {
    const headers: Record<string, string> = { accept: "text/event-stream", "cache-control": "no-cache" };
    if (this.lastEventId !== null) headers["last-event-id"] = this.lastEventId;
    // Its own controller: the deadline covers the response headers only, never the stream after.
    const connectionAbort = new AbortController();
    const onClose = () => connectionAbort.abort();
    this.abort.signal.addEventListener("abort", onClose, { once: true });
    const timer = setTimeout(() => connectionAbort.abort(), CONNECT_TIMEOUT_MS);
    try {
      return await this.read(headers, connectionAbort.signal, () => clearTimeout(timer));
    } finally {
      clearTimeout(timer);
      this.abort.signal.removeEventListener("abort", onClose);
    }
  }

  private async read(headers: Record<string, string>, signal: AbortSignal, answered: () => void): Promise<"opened" | "network" | "http_error"> {
    let response: Response;
    try {
      response = await this.client.request(this.path, { headers, signal });
    } catch {
      return "network";
    }
    answered();
    const type = response.headers.get("content-type") ?? "";
    if (response.status !== 200 || !type.startsWith("text/event-stream") || !response.body) {
      await response.body?.cancel().catch(() => {});
      return "http_error";
    }
    // nginx lists every instance it tried ("dead:3410, live:3411"); the last one answered.
    const upstream = (response.headers.get("x-rabta-upstream") ?? "?").split(",").at(-1)!.trim();
    const connection: Connection = { upstream, openedAt: performance.now(), firstEventAt: null, endedAt: null };
    this.connections.push(connection);
    this.changed();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        const at = performance.now();
        if (done) {
          connection.end = "ended by the server";
          break;
        }
        const frames = parser.push(decoder.decode(value, { stream: true }));
        if (parser.retryMs !== null) this.retryMs = parser.retryMs;
        for (const frame of frames) {
          if (frame.id !== null) this.lastEventId = frame.id;
          if (frame.event !== "queue") continue;
          this.latest = JSON.parse(frame.data) as QueueView;
          this.lastEventAt = at;
          connection.firstEventAt ??= at;
        }
        if (frames.length > 0) this.changed();
      }
    } catch (error) {
      connection.end = error instanceof Error ? error.message : String(error);
    } finally {
      connection.endedAt = performance.now();
      this.changed();
    }
    return "opened";
  }
}
