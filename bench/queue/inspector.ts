// The live JS heap of a server after a full garbage collection, through the V8 inspector the
// server was started with (`--inspect=127.0.0.1:<port>`, loopback only). RSS alone mixes in
// garbage the collector has not reclaimed yet, which after a connect storm is most of it.

type DevToolsTarget = { webSocketDebuggerUrl?: string };

/** Collects garbage in the process listening for the inspector on `port`, then reads its heap. */
export async function heapAfterGc(port: number): Promise<{ usedKiB: number; totalKiB: number }> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as DevToolsTarget[];
  const url = targets.find((t) => t.webSocketDebuggerUrl)?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no inspector target on 127.0.0.1:${port}`);
  if (typeof WebSocket === "undefined") throw new Error("run with node --experimental-websocket (npm run bench:queue does)");

  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error(`inspector on port ${port} refused the connection`)), { once: true });
  });
  let nextId = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++nextId;
      const onMessage = (event: MessageEvent) => {
        const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
        if (message.id !== id) return;
        socket.removeEventListener("message", onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result ?? {});
      };
      socket.addEventListener("message", onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    // Twice: the first pass may only free what the second then compacts.
    await call("HeapProfiler.collectGarbage");
    await call("HeapProfiler.collectGarbage");
    const usage = (await call("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
    return { usedKiB: usage.usedSize / 1024, totalKiB: usage.totalSize / 1024 };
  } finally {
    socket.close();
  }
}
