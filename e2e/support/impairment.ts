// A userspace stand-in for `tc netem` on LiveKit's media ports, which this kernel cannot do (no
// qdisc modules, no iptables/nft): a UDP relay between the browsers and livekit-server that
// drops and delays packets.
//
// How media is routed through it, without touching the browser: livekit-server advertises, in
// its ICE host candidates, the address given as --node-ip (its NAT 1:1 rewrite), with the port
// it really listens on. Restarted with --node-ip 127.0.0.2 (the stack control server's
// POST /livekit/restart {"nodeIp": "127.0.0.2"}), every candidate reads 127.0.0.2:<port>; this
// relay listens on 127.0.0.2 on every port of LiveKit's UDP range and forwards each packet to
// 127.0.0.1:<same port>, where the server is. Browsers send their media to the candidate they
// were given, so all of it, STUN, DTLS and SRTP, both ways, crosses the relay; the signalling
// WebSocket (TCP, another port) does not, as netem scoped to the media ports would leave it.
// LiveKit sees each browser at the relay's upstream socket (a peer-reflexive candidate).
//
// Like netem on loopback, the impairment applies to every packet once, in each direction: a
// "3% loss, 150 ms delay" relay gives each leg browser ↔ server 3% loss each way and a round trip
// of 300 ms, for both participants (they are on the same host; a netem rule on their ports
// would hit both too).
import { fork, type ChildProcess } from "node:child_process";
import { createSocket, type RemoteInfo, type Socket } from "node:dgram";
import path from "node:path";

// The kernel's default UDP receive buffer (~208 kB) overflows on a keyframe burst whenever the
// relay's event loop is a few ms late; these are within this machine's rmem_max/wmem_max.
const SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
const udpSocket = () => createSocket({ type: "udp4", recvBufferSize: SOCKET_BUFFER_BYTES, sendBufferSize: SOCKET_BUFFER_BYTES });

export type Impairment = {
  /** Share of packets dropped, 0–100, independently per packet and direction. */
  lossPercent: number;
  /** Added one-way delay per packet, in ms (the round trip grows by twice this). */
  delayMs: number;
};

export type RelayCounts = { forwarded: number; dropped: number; flows: number };

export const NO_IMPAIRMENT: Impairment = { lossPercent: 0, delayMs: 0 };

export class ImpairmentRelay {
  private impairment: Impairment = NO_IMPAIRMENT;
  private readonly listeners: Socket[] = [];
  private readonly upstreams = new Map<string, Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly counts = { forwarded: 0, dropped: 0 };
  private closed = false;

  private constructor(
    private readonly listenHost: string,
    private readonly targetHost: string,
  ) {}

  /** Listens on `listenHost` on each port of [start, end], forwarding to `targetHost`, same port. */
  static async start(options: { listenHost: string; targetHost: string; ports: [number, number] }): Promise<ImpairmentRelay> {
    const relay = new ImpairmentRelay(options.listenHost, options.targetHost);
    const [start, end] = options.ports;
    try {
      for (let port = start; port <= end; port++) await relay.listen(port);
    } catch (error) {
      await relay.close();
      throw error;
    }
    return relay;
  }

  set(impairment: Impairment): void {
    if (impairment.lossPercent < 0 || impairment.lossPercent > 100 || impairment.delayMs < 0) throw new Error(`bad impairment ${JSON.stringify(impairment)}`);
    this.impairment = { ...impairment };
  }

  current(): Impairment {
    return { ...this.impairment };
  }

  stats(): RelayCounts {
    return { ...this.counts, flows: this.upstreams.size };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const sockets = [...this.listeners, ...this.upstreams.values()];
    this.listeners.length = 0;
    this.upstreams.clear();
    await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
  }

  private async listen(port: number): Promise<void> {
    const socket = udpSocket();
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(port, this.listenHost, () => {
        socket.off("error", reject);
        resolve();
      });
    });
    socket.on("message", (message, from) => this.fromBrowser(socket, port, message, from));
    socket.on("error", () => {});
    this.listeners.push(socket);
  }

  /** One upstream socket per browser address and port, so the server tells the browsers apart. */
  private fromBrowser(listener: Socket, port: number, message: Buffer, from: RemoteInfo): void {
    const key = `${port}|${from.address}:${from.port}`;
    let upstream = this.upstreams.get(key);
    if (!upstream) {
      const socket = udpSocket();
      socket.bind(0, this.targetHost);
      socket.on("message", (reply) => this.pass(() => listener.send(reply, from.port, from.address)));
      socket.on("error", () => {});
      this.upstreams.set(key, socket);
      upstream = socket;
    }
    const target = upstream;
    this.pass(() => target.send(message, port, this.targetHost));
  }

  private pass(send: () => void): void {
    if (this.closed) return;
    const { lossPercent, delayMs } = this.impairment;
    if (lossPercent > 0 && Math.random() * 100 < lossPercent) {
      this.counts.dropped++;
      return;
    }
    this.counts.forwarded++;
    if (delayMs <= 0) return send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) send();
    }, delayMs);
    this.timers.add(timer);
  }
}

/** LiveKit's UDP media range in the test stack (`npm test` passes it as E2E_LIVEKIT_UDP_RANGE). */
export function livekitUdpRange(): [number, number] | undefined {
  const match = /^(\d+)-(\d+)$/.exec(process.env.E2E_LIVEKIT_UDP_RANGE ?? "");
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

type RelayOptions = { listenHost: string; targetHost: string; ports: [number, number] };
type RequestBody = { kind: "start"; options: RelayOptions } | { kind: "set"; impairment: Impairment } | { kind: "stats" };
type Request = RequestBody & { id: number };
type Reply = { id: number; ok: true; stats?: RelayCounts } | { id: number; ok: false; error: string };

/**
 * The relay in a process of its own, so that nothing the test runner does (serialising a page's
 * stats, a screenshot) stalls the packets: the same interface as ImpairmentRelay, asynchronous.
 */
export class RelayProcess {
  private next = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private impairment: Impairment = NO_IMPAIRMENT;

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (reply: Reply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
  }

  static async start(options: RelayOptions): Promise<RelayProcess> {
    // From the repository root, where Playwright (and npm test) run.
    const child = fork(path.resolve("e2e", "support", "impairment-process.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const relay = new RelayProcess(child);
    await relay.ask({ kind: "start", options });
    return relay;
  }

  async set(impairment: Impairment): Promise<void> {
    await this.ask({ kind: "set", impairment });
    this.impairment = { ...impairment };
  }

  current(): Impairment {
    return { ...this.impairment };
  }

  async stats(): Promise<RelayCounts> {
    return (await this.ask({ kind: "stats" })).stats!;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill("SIGTERM");
    await exited;
  }

  private ask(request: RequestBody): Promise<Reply & { ok: true }> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) => (reply.ok ? resolve(reply) : reject(new Error(reply.error))));
      this.child.send({ ...request, id });
    });
  }
}

/** The child's side of RelayProcess (e2e/support/impairment-process.ts runs it). */
export function serveRelay(): void {
  let relay: ImpairmentRelay | undefined;
  const reply = (message: Reply) => process.send?.(message);
  process.on("message", (request: Request) => {
    void (async () => {
      try {
        if (request.kind === "start") relay = await ImpairmentRelay.start(request.options);
        else if (request.kind === "set") relay!.set(request.impairment);
        else return reply({ id: request.id, ok: true, stats: relay!.stats() });
        reply({ id: request.id, ok: true });
      } catch (error) {
        reply({ id: request.id, ok: false, error: String(error) });
      }
    })();
  });
  // The test process went away: so does the relay.
  process.on("disconnect", () => void relay?.close().finally(() => process.exit(0)));
  process.on("SIGTERM", () => void relay?.close().finally(() => process.exit(0)));
}
