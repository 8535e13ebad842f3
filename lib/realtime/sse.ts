/** A comment line this often keeps proxies from timing out an idle stream and reveals dead clients. */
export const HEARTBEAT_MS = 20_000;

/** How long the browser waits before reconnecting after the stream ends. */
export const RETRY_MS = 3_000;

/**
 * How far a client may fall behind (bytes queued beyond the high-water mark) before its
 * connection is dropped. Memory per connection stays bounded; the browser reconnects and
 * starts again from a fresh snapshot, which is all a slow client needs anyway.
 */
export const SLOW_CLIENT_LIMIT_BYTES = 64 * 1024;

const HIGH_WATER_MARK_BYTES = 16 * 1024;

export type SseStream = {
  /** Sends one event; `data` is JSON-encoded. Does nothing once the stream is closed. */
  send(event: string, data: unknown, id?: string): void;
  /** Ends the stream from the server side (the browser reconnects after RETRY_MS). */
  close(): void;
  readonly closed: boolean;
};

export type SseCleanup = (() => void) | void;

const HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  // nginx buffers proxied responses unless told otherwise, which would hold events back.
  "x-accel-buffering": "no",
};

function assertField(name: string, value: string): void {
  // A line break would end the field early and let the rest be read as other fields.
  if (/[\r\n\0]/.test(value)) throw new Error(`SSE ${name} must not contain line breaks or NUL`);
}

/**
 * A Server-Sent Events response. `start` runs at once with the stream and may return a
 * cleanup (for example its unsubscribe), which runs exactly once: when the client goes away,
 * when the stream is closed, or when a slow client is dropped.
 */
export function sseResponse(
  request: Request,
  start: (stream: SseStream) => SseCleanup | Promise<SseCleanup>,
): Response {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  // start() may settle after the client has gone: its cleanup runs once both are done.
  let cleanup: SseCleanup;
  let started = false;
  let cleanedUp = false;

  function runCleanup() {
    if (!closed || !started || cleanedUp) return;
    cleanedUp = true;
    try {
      cleanup?.();
    } catch (error) {
      console.error("[sse] cleanup failed", error);
    }
  }

  /** Ends the stream: "close" lets queued data drain, "drop" discards it and aborts the response. */
  function finish(how: "close" | "drop") {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    request.signal.removeEventListener("abort", onAbort);
    try {
      // An AbortError is what Next.js expects from a stream that stops because of the
      // connection, so it ends the response without logging a failure.
      if (how === "drop") controller.error(new DOMException("SSE client too slow", "AbortError"));
      else controller.close();
    } catch {
      // Already closed or errored by the runtime.
    }
    runCleanup();
  }

  function onAbort() {
    finish("close");
  }

  function write(text: string) {
    if (closed) return;
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 0) < -SLOW_CLIENT_LIMIT_BYTES) finish("drop");
  }

  const stream: SseStream = {
    send(event, data, id) {
      assertField("event", event);
      if (id !== undefined) assertField("id", id);
      // JSON escapes line breaks inside strings, so the data is always one line.
      const json = JSON.stringify(data) ?? "null";
      write(`event: ${event}\n${id === undefined ? "" : `id: ${id}\n`}data: ${json}\n\n`);
    },
    close() {
      finish("close");
    },
    get closed() {
      return closed;
    },
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      cancel() {
        finish("close");
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_MARK_BYTES }),
  );

  // The retry line goes out at once: besides setting the reconnect delay, it makes Next.js send
  // the headers (it does so with the first chunk), so the EventSource opens now.
  const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
  write(`retry: ${RETRY_MS}\n\n`);
  if (request.signal.aborted) finish("close");
  else request.signal.addEventListener("abort", onAbort);

  new Promise<SseCleanup>((resolve) => resolve(start(stream))).then(
    (result) => {
      cleanup = result;
      started = true;
      runCleanup();
    },
    (error: unknown) => {
      console.error("[sse] stream start failed", error);
      started = true;
      finish("close");
    },
  );

  return new Response(body, { headers: HEADERS });
}
