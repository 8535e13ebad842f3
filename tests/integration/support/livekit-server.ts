import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { livekitBinaryPath } from "../../../scripts/lib/livekit";

/**
 * A real livekit-server for the integration tests whose use cases talk to LiveKit (grants,
 * removal, data messages). `npm test` runs vitest before it starts the stack's LiveKit, so when
 * nothing answers at LIVEKIT_URL one is started there for the file and stopped after it; when
 * one answers (a demo, an external server), it is used as it is.
 */
export async function ensureLiveKit(): Promise<() => Promise<void>> {
  const url = new URL(env().LIVEKIT_URL.replace(/^ws/, "http"));
  if (await answers(url)) return async () => {};
  const port = Number(url.port);
  const dir = mkdtempSync(path.join(tmpdir(), "rabta-lk-it-"));
  const config = path.join(dir, "livekit.yaml");
  // UDP ports derived from the signalling port, so checkouts with different offsets do not collide.
  const udp = 52000 + (port % 100) * 20;
  writeFileSync(
    config,
    [
      `port: ${port}`,
      "keys:",
      `  ${JSON.stringify(env().LIVEKIT_API_KEY)}: ${JSON.stringify(env().LIVEKIT_API_SECRET)}`,
      "rtc:",
      "  tcp_port: 0",
      `  port_range_start: ${udp}`,
      `  port_range_end: ${udp + 19}`,
      "  use_external_ip: false",
      "logging:",
      "  level: warn",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(livekitBinaryPath(), ["--config", config, "--bind", "127.0.0.1", "--node-ip", "127.0.0.1"], { stdio: "ignore" });
  const deadline = Date.now() + 30_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`livekit-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return async () => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
}

async function answers(url: URL): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(500) });
    return response.ok;
  } catch {
    return false;
  }
}
