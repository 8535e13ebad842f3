import { afterEach, describe, expect, it, vi } from "vitest";
import { HEARTBEAT_MS, RETRY_MS, SLOW_CLIENT_LIMIT_BYTES, sseResponse, type SseStream } from "./sse";

const decoder = new TextDecoder();

/** Opens an SSE response the way a route handler would, keeping hold of the stream and its cleanup. */
function open(signal?: AbortSignal) {
  const cleanup = vi.fn();
  let stream!: SseStream;
  const response = sseResponse(new Request("http://rabta.test/events", { signal }), (s) => {
    stream = s;
    return cleanup;
  });
  const reader = response.body!.getReader();
  return { response, reader, stream, cleanup };
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | null> {
  const { value, done } = await reader.read();
  return done ? null : decoder.decode(value);
}

/** Lets start()'s promise settle. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("sseResponse", () => {
  it("answers with event-stream headers that keep proxies from buffering or transforming", () => {
    const { response } = open();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
  });

  it("writes the retry delay first", async () => {
    const { reader } = open();
    expect(await readChunk(reader)).toBe(`retry: ${RETRY_MS}\n\n`);
    expect(RETRY_MS).toBe(3000);
  });

  it("frames each event as event, id and one JSON data line, ended by a blank line", async () => {
    const { reader, stream } = open();
    await readChunk(reader);
    stream.send("queue", { position: 2, note: "line one\nline two" }, "42");
    stream.send("ended", null);
    expect(await readChunk(reader)).toBe('event: queue\nid: 42\ndata: {"position":2,"note":"line one\\nline two"}\n\n');
    expect(await readChunk(reader)).toBe("event: ended\ndata: null\n\n");
  });

  it("refuses an event name or id that would break the framing", () => {
    const { stream } = open();
    expect(() => stream.send("queue\ndata: x", {})).toThrow(/line breaks/);
    expect(() => stream.send("queue", {}, "1\r2")).toThrow(/line breaks/);
  });

  it("sends a comment heartbeat every HEARTBEAT_MS and stops it on close", async () => {
    vi.useFakeTimers();
    const { reader, stream } = open();
    await readChunk(reader);
    const chunks: string[] = [];
    const pump = (async () => {
      for (let chunk = await readChunk(reader); chunk !== null; chunk = await readChunk(reader)) chunks.push(chunk);
    })();

    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS - 1);
    expect(chunks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(chunks).toEqual([": ping\n\n"]);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(chunks).toEqual([": ping\n\n", ": ping\n\n"]);
    expect(HEARTBEAT_MS).toBe(20_000);

    stream.close();
    await pump;
    expect(vi.getTimerCount()).toBe(0);
  });

  it("runs the cleanup once when the client disconnects, and ends the body", async () => {
    const client = new AbortController();
    const { reader, stream, cleanup } = open(client.signal);
    await settle();
    expect(cleanup).not.toHaveBeenCalled();

    client.abort();
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(stream.closed).toBe(true);
    expect(await readChunk(reader)).toBe(`retry: ${RETRY_MS}\n\n`);
    expect(await readChunk(reader)).toBeNull();

    client.abort();
    stream.close();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it("runs the cleanup once when the runtime cancels the body", async () => {
    const { reader, stream, cleanup } = open();
    await settle();
    await reader.cancel();
    stream.close();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it("runs the cleanup once on close(), and ignores sends afterwards", async () => {
    const { reader, stream, cleanup } = open();
    await settle();
    await readChunk(reader);
    stream.close();
    stream.close();
    stream.send("queue", { late: true });
    expect(await readChunk(reader)).toBeNull();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it("runs a cleanup from an async start even when the client left before it was ready", async () => {
    const client = new AbortController();
    const cleanup = vi.fn();
    let ready!: () => void;
    sseResponse(new Request("http://rabta.test/events", { signal: client.signal }), async () => {
      await new Promise<void>((resolve) => (ready = resolve));
      return cleanup;
    });
    client.abort();
    expect(cleanup).not.toHaveBeenCalled();
    ready();
    await settle();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it("closes the stream when start fails", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = sseResponse(new Request("http://rabta.test/events"), () => {
      throw new Error("no snapshot");
    });
    expect(await response.text()).toBe(`retry: ${RETRY_MS}\n\n`);
    expect(logged).toHaveBeenCalledWith("[sse] stream start failed", expect.any(Error));
  });

  it("drops a client that stops reading once it is SLOW_CLIENT_LIMIT_BYTES behind", async () => {
    const { reader, stream, cleanup } = open();
    await settle();
    const event = { text: "x".repeat(1000) };
    let sent = 0;
    while (!stream.closed && sent < 1000) {
      stream.send("queue", event);
      sent++;
    }
    expect(stream.closed).toBe(true);
    // Bounded: about the high-water mark plus the limit, nowhere near the 1000 events tried.
    expect(sent * 1000).toBeGreaterThan(SLOW_CLIENT_LIMIT_BYTES);
    expect(sent * 1000).toBeLessThan(SLOW_CLIENT_LIMIT_BYTES + 32 * 1024);
    expect(cleanup).toHaveBeenCalledTimes(1);
    // The queued data is discarded, not kept for a client that is not reading.
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
  });

  it("keeps a client that reads as fast as events come", async () => {
    const { reader, stream } = open();
    await readChunk(reader);
    const event = { text: "x".repeat(1000) };
    for (let i = 0; i < 500; i++) {
      stream.send("queue", event);
      await readChunk(reader);
    }
    expect(stream.closed).toBe(false);
    stream.close();
  });
});

