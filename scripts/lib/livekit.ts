import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { localLiveKitConfig, REPO_LIVEKIT_CONFIG, type LocalLiveKitSettings } from "./livekit-config";
import { dataPath } from "./paths";
import { assertPortFree, start, waitForHttp, type Service } from "./proc";

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

export type LiveKitOptions = LocalLiveKitSettings & {
  /** Distinguishes concurrent stacks (demo, test) in config and log file names. */
  name: string;
  /**
   * Not applied: livekit-server v1.13.5 binds ICE/TCP on every interface whatever --bind says,
   * and the local stack must stay on loopback. Browsers on this machine reach it over UDP.
   */
  rtcTcpPort: number;
};
/** What a restart may change: the address the server advertises in its ICE candidates. */
export type RestartOptions = {
  /**
   * The loopback address put in the server's host candidates (livekit-server's --node-ip, which
   * rewrites them). 127.0.0.1 unless a spec routes media through e2e/support/impairment.ts's
   * relay, which listens on another loopback address with the same ports.
   */
  nodeIp?: string;
  /**
   * ICE-lite (rtc.use_ice_lite): the server only answers connectivity checks, it sends none. With
   * full ICE it also checks the browsers' own loopback candidates and may pick that direct path,
   * past the relay; ICE-lite leaves the browser's path, to the advertised candidate, the only one.
   */
  iceLite?: boolean;
};

export type LiveKit = {
  url: string;
  apiKey: string;
  apiSecret: string;
  stop(): Promise<void>;
  /**
   * Stops the server and starts it again on the same ports with the same config (every room and
   * participant is gone, as after a crash or a deploy); resolves once the new server answers.
   */
  restart(options?: RestartOptions): Promise<void>;
};

const LOOPBACK_NODE_IP = "127.0.0.1";

/** Starts a loopback-only livekit-server, or hands back the one named by LIVEKIT_URL. */
export async function startLiveKit(options: LiveKitOptions): Promise<LiveKit> {
  const external = process.env.LIVEKIT_URL;
  if (external) {
    const apiKey = process.env.LIVEKIT_API_KEY;
    const apiSecret = process.env.LIVEKIT_API_SECRET;
    if (!apiKey || !apiSecret) {
      throw new Error("LIVEKIT_URL is set, so LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set too");
    }
    const restart = async () => {
      throw new Error("LIVEKIT_URL names an external LiveKit, which the stack cannot restart");
    };
    return { url: external, apiKey, apiSecret, stop: async () => {}, restart };
  }

  // livekit-server only logs an error for short secrets; refusing here keeps the stack honest.
  if (options.apiSecret.length < 32) throw new Error("the LiveKit API secret must be at least 32 characters");
  await assertPortFree(options.port, `livekit-server (${options.name})`);

  const configFile = dataPath(`livekit-${options.name}.yaml`);
  mkdirSync(path.dirname(configFile), { recursive: true });
  const writeConfig = (iceLite: boolean) => {
    const config = localLiveKitConfig(readFileSync(REPO_LIVEKIT_CONFIG, "utf8"), options, { iceLite });
    writeFileSync(configFile, config, { mode: 0o600 });
  };
  writeConfig(false);

  const launch = async (nodeIp: string): Promise<Service> => {
    const service = start({
      name: `livekit-${options.name}`,
      command: livekitBinaryPath(),
      args: ["--config", configFile, "--bind", "127.0.0.1", "--node-ip", nodeIp],
      toLogFile: true,
    });
    // livekit-server answers "OK" on / once it accepts signalling connections.
    await waitForHttp(`http://127.0.0.1:${options.port}/`, { timeoutMs: 30_000, service });
    return service;
  };
  let service = await launch(LOOPBACK_NODE_IP);
  return {
    url: `ws://127.0.0.1:${options.port}`,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    stop: () => service.stop(),
    async restart(restartOptions = {}) {
      const nodeIp = restartOptions.nodeIp ?? LOOPBACK_NODE_IP;
      if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(nodeIp)) throw new Error(`node IP ${nodeIp} is not a loopback address`);
      await service.stop();
      await waitUntilPortFree(options.port);
      writeConfig(restartOptions.iceLite ?? false);
      service = await launch(nodeIp);
    },
  };
}

async function waitUntilPortFree(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await assertPortFree(port, "livekit-server (restarting)");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
