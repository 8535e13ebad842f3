// A server's V8 inspector (`--inspect=127.0.0.1:<port>`, loopback only): the live JS heap after a
// full garbage collection (RSS alone mixes in garbage the collector has not reclaimed yet, which
// after a connect storm is most of it), and a CPU profile of a stretch of the run.

type DevToolsTarget = { webSocketDebuggerUrl?: string };

type Session = { call(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>; close(): void };

/** A DevTools protocol session with the inspector on `port`. */
export async function openSession(port: number): Promise<Session> {
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
  return {
    call: (method, params = {}) =>
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
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

/** Collects garbage in the process listening for the inspector on `port`, then reads its heap. */
export async function heapAfterGc(port: number): Promise<{ usedKiB: number; totalKiB: number }> {
  const session = await openSession(port);
  try {
    // Twice: the first pass may only free what the second then compacts.
    await session.call("HeapProfiler.collectGarbage");
    await session.call("HeapProfiler.collectGarbage");
    const usage = (await session.call("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
    return { usedKiB: usage.usedSize / 1024, totalKiB: usage.totalSize / 1024 };
  } finally {
    session.close();
  }
}

/** Starts sampling the CPU of the process on `port`; `stop` returns the profile (Chrome DevTools' .cpuprofile JSON). */
export async function startCpuProfile(port: number): Promise<{ stop(): Promise<unknown> }> {
  const session = await openSession(port);
  await session.call("Profiler.enable");
  // 250 µs: fine enough for a storm that lasts a second or two.
  await session.call("Profiler.setSamplingInterval", { interval: 250 });
  await session.call("Profiler.start");
  return {
    async stop() {
      try {
        const { profile } = await session.call("Profiler.stop");
        return profile;
      } finally {
        session.close();
      }
    },
  };
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/**
 * The functions that took the most CPU (self time) in a profile, with their share of the samples
 * that were not idle: a first answer to "where does the time go" without opening DevTools.
 */
export function topSelfTime(raw: unknown, count = 15): { name: string; ms: number; share: number }[] {
  const profile = raw as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  for (const [i, id] of profile.samples.entries()) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") continue;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const where = url ? `${url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${lineNumber + 1}` : "";
    const name = `${functionName || "(anonymous)"} ${where}`.trim();
    self.set(name, (self.get(name) ?? 0) + ms);
    busy += ms;
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms, share: busy === 0 ? 0 : ms / busy }));
}

/** The same samples summed by where the code comes from: a package, Node itself, or the app's own chunks. */
export function selfTimeBySource(raw: unknown): { source: string; ms: number; share: number }[] {
  const profile = raw as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let busy = 0;
  for (const [i, id] of profile.samples.entries()) {
    const { functionName, url } = byId.get(id)!.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") continue;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totals.set(sourceOf(functionName, url), (totals.get(sourceOf(functionName, url)) ?? 0) + ms);
    busy += ms;
  }
  return [...totals].sort((a, b) => b[1] - a[1]).map(([source, ms]) => ({ source, ms, share: busy === 0 ? 0 : ms / busy }));
}

function sourceOf(functionName: string, url: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  if (url.includes("/.next/")) return "app (.next chunks)";
  return url;
}
