import { mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { dataPath } from "./paths";
import { assertPortFree, start, waitForHttp } from "./proc";

// Must match scripts/lib/livekit-path.sh, which builds the binary this returns.
const LIVEKIT_VERSION = "v1.13.5";

// Local-development API key for the loopback-only servers that the demo and the tests start.
// It guards nothing and is not a secret; deployments set LIVEKIT_API_KEY/LIVEKIT_API_SECRET,
// and the app refuses this pair unless RABTA_DEMO=1 (lib/env.ts).
export { DEMO_LIVEKIT_KEY as DEV_LIVEKIT_KEY, DEMO_LIVEKIT_SECRET as DEV_LIVEKIT_SECRET } from "../../lib/demo";

export function livekitBinaryPath(): string {
  const cache = process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache");
  return path.join(cache, "rabta", "livekit", LIVEKIT_VERSION, "server");
}

export type LiveKitOptions = {
  /** Distinguishes concurrent stacks (demo, test) in config and log file names. */
  name: string;
  port: number;
  /**
   * Not applied: livekit-server v1.13.5 binds ICE/TCP on every interface whatever --bind says,
   * and the local stack must stay on loopback. Browsers on this machine reach it over UDP.
   */
  rtcTcpPort: number;
  udpPortStart: number;
  udpPortEnd: number;
  apiKey: string;
  apiSecret: string;
  /** More key pairs the server accepts (the tests' production-mode instance has its own). */
  extraKeys?: Array<{ apiKey: string; apiSecret: string }>;
  webhookUrl: string;
  /** host:port of a Redis shared with other nodes: LiveKit's multi-node mode (bench/cluster). */
  redisAddress?: string;
};

export type LiveKit = { url: string; apiKey: string; apiSecret: string; stop(): Promise<void> };

/** Starts a loopback-only livekit-server, or hands back the one named by LIVEKIT_URL. */
export async function startLiveKit(options: LiveKitOptions): Promise<LiveKit> {
  const external = process.env.LIVEKIT_URL;
  if (external) {
    const apiKey = process.env.LIVEKIT_API_KEY;
    const apiSecret = process.env.LIVEKIT_API_SECRET;
    if (!apiKey || !apiSecret) {
      throw new Error("LIVEKIT_URL is set, so LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set too");
    }
    return { url: external, apiKey, apiSecret, stop: async () => {} };
  }

  // livekit-server only logs an error for short secrets; refusing here keeps the stack honest.
  if (options.apiSecret.length < 32) throw new Error("the LiveKit API secret must be at least 32 characters");
  await assertPortFree(options.port, `livekit-server (${options.name})`);

  const configFile = dataPath(`livekit-${options.name}.yaml`);
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(configFile, livekitConfig(options), { mode: 0o600 });

  const service = start({
    name: `livekit-${options.name}`,
    command: livekitBinaryPath(),
    args: ["--config", configFile, "--bind", "127.0.0.1", "--node-ip", "127.0.0.1"],
    toLogFile: true,
  });
  // livekit-server answers "OK" on / once it accepts signalling connections.
  await waitForHttp(`http://127.0.0.1:${options.port}/`, { timeoutMs: 30_000, service });
  return {
    url: `ws://127.0.0.1:${options.port}`,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    stop: () => service.stop(),
  };
}

// Keys as in livekit-server v1.13.5's config-sample.yaml and pkg/config (rtcconfig for `rtc`).
function livekitConfig(options: LiveKitOptions): string {
  const q = (value: string) => JSON.stringify(value);
  return [
    `port: ${options.port}`,
    "keys:",
    ...[{ apiKey: options.apiKey, apiSecret: options.apiSecret }, ...(options.extraKeys ?? [])].map(
      (pair) => `  ${q(pair.apiKey)}: ${q(pair.apiSecret)}`,
    ),
    "rtc:",
    // 0 switches ICE/TCP off; left out, livekit-server would default to 7881 on every interface.
    "  tcp_port: 0",
    `  port_range_start: ${options.udpPortStart}`,
    `  port_range_end: ${options.udpPortEnd}`,
    // No STUN lookups: every participant is on this machine, and the machine may be offline.
    "  use_external_ip: false",
    "  enable_loopback_candidate: true",
    // Media sockets are opened per local address; keep them, and the candidates, on loopback.
    "  ips:",
    "    includes: [\"127.0.0.0/8\"]",
    "webhook:",
    `  api_key: ${q(options.apiKey)}`,
    "  urls:",
    `    - ${q(options.webhookUrl)}`,
    ...(options.redisAddress ? ["redis:", `  address: ${q(options.redisAddress)}`] : []),
    "logging:",
    "  level: info",
    "",
  ].join("\n");
}
