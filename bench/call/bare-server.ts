// A loopback HTTP server for the bare livekit-client page: the page, its bundle (esbuild, which
// tsx already brings), and a token route minting a plain join grant for the bench's LiveKit.
import { createServer, type Server } from "node:http";
import path from "node:path";
import { build } from "esbuild";
import { AccessToken } from "livekit-server-sdk";
import type { LiveKit } from "../../scripts/lib/livekit";
import { repoRoot } from "../../scripts/lib/paths";
import { onShutdown } from "../../scripts/lib/proc";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>bare livekit-client</title>
<style>
  body { margin: 0; background: #020617; color: #fff; font-family: sans-serif; }
  #remote { position: relative; height: 60vh; overflow: hidden; background: #1e293b; }
  #remote video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
  #preview { width: 160px; height: 90px; object-fit: cover; }
  #join { display: block; width: 100%; min-height: 48px; font-size: 18px; }
</style></head>
<body><div id="remote"></div><video id="preview" autoplay muted playsinline></video>
<button id="join" type="button" disabled>Join</button>
<script src="/bare.js"></script></body></html>`;

export type BareServer = { url: string };

export async function startBareServer(port: number, livekit: LiveKit): Promise<BareServer> {
  const bundle = await build({
    entryPoints: [path.join(repoRoot, "bench/call/bare-client.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    write: false,
    tsconfig: path.join(repoRoot, "tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  const script = bundle.outputFiles[0]!.contents;
  console.log(`bare page: livekit-client bundle ${(script.byteLength / 1024).toFixed(0)} KiB (minified)`);

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (url.pathname === "/bare.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    } else if (url.pathname === "/token") {
      const token = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity: url.searchParams.get("identity") ?? "bare", ttl: "10m" });
      token.addGrant({ roomJoin: true, room: url.searchParams.get("room") ?? "bench-bare", canPublish: true, canSubscribe: true });
      void token.toJwt().then((jwt) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ token: jwt, url: livekit.url })));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  onShutdown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${port}` };
}
