// The test stack's control server: lets a browser spec do to the stack what an operator or a
// fault would (restart LiveKit mid-call). Loopback only, on a port of the OS's choosing, for the
// length of a `npm test` run; nothing in the app knows of it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LiveKit, RestartOptions } from "./livekit";

export type StackControl = { url: string; close(): Promise<void> };

const MAX_BODY_BYTES = 1024;

/**
 * POST /livekit/restart (optional JSON body `{ "nodeIp": "127.0.0.2", "iceLite": true }`, see
 * RestartOptions)
 * answers 200 once the new livekit-server answers OK on its port, 500 with the error if not.
 * Restarts run one at a time.
 */
export async function startStackControl(livekit: () => Pick<LiveKit, "restart">): Promise<StackControl> {
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => answer(response, 500, { error: String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== "POST" || request.url !== "/livekit/restart") return answer(response, 404, { error: "not found" });
    const options = parseOptions(await readBody(request));
    const started = performance.now();
    const restart = queue.then(() => livekit().restart(options));
    queue = restart.catch(() => {});
    await restart;
    answer(response, 200, { restarted: true, ms: Math.round(performance.now() - started), ...options });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseOptions(body: string): RestartOptions {
  if (!body.trim()) return {};
  const parsed = JSON.parse(body) as { nodeIp?: unknown; iceLite?: unknown };
  if (parsed.nodeIp !== undefined && typeof parsed.nodeIp !== "string") throw new Error("nodeIp must be a string");
  if (parsed.iceLite !== undefined && typeof parsed.iceLite !== "boolean") throw new Error("iceLite must be a boolean");
  return { ...(parsed.nodeIp ? { nodeIp: parsed.nodeIp } : {}), ...(parsed.iceLite ? { iceLite: true } : {}) };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > MAX_BODY_BYTES) throw new Error("body too large");
  }
  return body;
}

function answer(response: ServerResponse, status: number, body: object): void {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
