// The local stack's livekit-server config, built from the repo's livekit/livekit.yaml. Kept apart
// from livekit.ts (which starts processes) so that a unit test can build it without side effects.
import path from "node:path";
import { parse, stringify } from "yaml";
import { repoRoot } from "./paths";

/** The production-intended settings, each with its reason; the local stack starts from them. */
export const REPO_LIVEKIT_CONFIG = path.join(repoRoot, "livekit", "livekit.yaml");

/** What the local stack sets itself: ports, keys and where webhooks go. */
export type LocalLiveKitSettings = {
  port: number;
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

type Config = Record<string, unknown> & { rtc?: Record<string, unknown> };

/**
 * The local stack's config: livekit/livekit.yaml (key names as in livekit-server v1.13.5's
 * config-sample.yaml and pkg/config, rtcconfig for `rtc`) with only what a loopback-only server
 * on a shared, possibly offline machine must change. Everything else, congestion control, room
 * timeouts and reconnect settings, is the repo's.
 */
export function localLiveKitConfig(repoYaml: string, options: LocalLiveKitSettings, drill: { iceLite?: boolean } = {}): string {
  const config = parse(repoYaml) as Config;
  if (!config || typeof config !== "object") throw new Error(`${REPO_LIVEKIT_CONFIG} holds no settings`);
  const rtc = { ...config.rtc };
  // The UDP range replaces a muxed port, should the repo's file ever use one.
  delete rtc.udp_port;
  const local: Config = {
    ...config,
    port: options.port,
    keys: Object.fromEntries(
      [{ apiKey: options.apiKey, apiSecret: options.apiSecret }, ...(options.extraKeys ?? [])].map((pair) => [pair.apiKey, pair.apiSecret]),
    ),
    rtc: {
      ...rtc,
      port_range_start: options.udpPortStart,
      port_range_end: options.udpPortEnd,
      // 0 switches ICE/TCP off: v1.13.5 listens for it on every interface, whatever --bind says.
      tcp_port: 0,
      // No STUN lookups: every participant is on this machine, and the machine may be offline.
      use_external_ip: false,
      enable_loopback_candidate: true,
      // Media sockets are opened per local address; keep them, and the candidates, on loopback.
      ips: { includes: ["127.0.0.0/8"] },
      // Only for the impairment drill (scripts/lib/livekit.ts's RestartOptions.iceLite).
      ...(drill.iceLite && { use_ice_lite: true }),
    },
    webhook: { ...(config.webhook as object | undefined), api_key: options.apiKey, urls: [options.webhookUrl] },
    ...(options.redisAddress && { redis: { address: options.redisAddress } }),
  };
  // No TURN: it would listen on every interface too, and nothing on loopback needs a relay.
  delete local.turn;
  return stringify(local);
}
