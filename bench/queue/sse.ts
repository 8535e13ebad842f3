// A waiting patient's live queue connection, as the waiting page holds it: one long GET of
// /api/queue/stream?consultation=<id> read as Server-Sent Events, through Node's fetch.
import type { Client } from "../booking/http";

/** One frame of an event stream; comments (`: ping`) and `retry:` lines are not events (see `retryMs`). */
export type SseEvent = { event: string; data: string; id: string | null };

/**
 * Turns the text of an event stream, in whatever pieces it arrives, into events: fields up to
 * a blank line make one event (the HTML standard's rules, less what this app never sends,
 * such as bare CR line endings).
 */
export class SseParser {
  /** The reconnection time the server last asked for with a `retry:` field, if any. */
  retryMs: number | null = null;
  private pending = "";
  private event = "";
  private data: string[] = [];
  private id: string | null = null;

  push(text: string): SseEvent[] {
    this.pending += text;
    const lines = this.pending.split("\n");
    // The last piece has no line break yet: keep it for the next chunk.
    this.pending = lines.pop() ?? "";
    const events: SseEvent[] = [];
    for (const raw of lines) {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (line === "") {
        if (this.data.length > 0) events.push({ event: this.event || "message", data: this.data.join("\n"), id: this.id });
        this.event = "";
        this.data = [];
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") this.event = value;
      else if (field === "data") this.data.push(value);
      else if (field === "id") this.id = value;
      // The standard ignores a retry value that is not all ASCII digits.
      else if (field === "retry" && /^\d+$/.test(value)) this.retryMs = Number(value);
    }
    return events;
  }
}

/** The parts of the `queue` event's view (lib/queue/snapshot.ts WaitingView) the bench reads. */
export type QueueView = { consultationId: string; status: string; place: number | null };

type Waiter = { accepts: (view: QueueView) => boolean; resolve: (at: number) => void; reject: (error: Error) => void };

/**
 * One patient's open stream. Arrival times are `performance.now()` when the chunk carrying the
 * event was read, before it is parsed, so parsing hundreds of streams does not add to them.
 */
export class QueueStream {
  latest: QueueView | null = null;
  /** When the last `queue` event arrived, for waiting until every stream has gone quiet. */
  lastEventAt = 0;
  events = 0;
  private readonly abort = new AbortController();
  private waiter: Waiter | null = null;
  private ended: Error | null = null;

  private constructor(
    readonly consultationId: string,
    readonly instance: number,
  ) {}

  /**
   * Opens the stream on `baseUrl` with the client's session cookie; resolves once the first
   * `queue` event (the current place) has arrived.
   */
  static async open(client: Client, baseUrl: string, instance: number, consultationId: string, timeoutMs: number): Promise<QueueStream> {
    const stream = new QueueStream(consultationId, instance);
    const first = stream.next(() => true, timeoutMs);
    // Keeps an early failure of `first` from counting as unhandled while the request is made.
    first.catch(() => {});
    const url = new URL(`/api/queue/stream?consultation=${encodeURIComponent(consultationId)}`, baseUrl);
    const timer = setTimeout(() => stream.abort.abort(), timeoutMs);
    try {
      const response = await client.request(url.href, { headers: { accept: "text/event-stream" }, signal: stream.abort.signal });
      if (response.status !== 200 || !response.body) {
        const body = await response.text().catch(() => "");
        throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}: ${body.slice(0, 200)}`);
      }
      void stream.pump(response.body);
      await first;
      return stream;
    } catch (error) {
      stream.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Resolves with the arrival time of the first `queue` event from now on that `accepts`;
   * rejects when the stream ends or `timeoutMs` passes first. One wait at a time.
   */
  next(accepts: (view: QueueView) => boolean, timeoutMs: number): Promise<number> {
    if (this.ended) return Promise.reject(this.ended);
    if (this.waiter) throw new Error(`stream of ${this.consultationId} is already being waited on`);
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`no matching queue event for ${this.consultationId} within ${timeoutMs} ms (last: ${JSON.stringify(this.latest)})`));
      }, timeoutMs);
      this.waiter = {
        accepts,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  /** Stops waiting without an answer (the action's deadline passed for every stream). */
  cancelWait(): void {
    this.waiter = null;
  }

  close(): void {
    this.finish(new Error(`stream of ${this.consultationId} was closed by the bench`));
    this.abort.abort();
  }

  get isOpen(): boolean {
    return this.ended === null;
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        const at = performance.now();
        if (done) break;
        for (const frame of parser.push(decoder.decode(value, { stream: true }))) {
          if (frame.event === "queue") this.receive(JSON.parse(frame.data) as QueueView, at);
        }
      }
      this.finish(new Error(`the server ended the stream of ${this.consultationId}`));
    } catch (error) {
      this.finish(new Error(`the stream of ${this.consultationId} failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  private receive(view: QueueView, at: number): void {
    this.latest = view;
    this.lastEventAt = at;
    this.events++;
    const waiter = this.waiter;
    if (waiter?.accepts(view)) {
      this.waiter = null;
      waiter.resolve(at);
    }
  }

  private finish(reason: Error): void {
    if (this.ended) return;
    this.ended = reason;
    this.waiter?.reject(reason);
    this.waiter = null;
  }
}
