import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { env } from "@/lib/env";
import { resolveClientAddress } from "./client-address-rules";

/*
 * How the app learns who is asking (checked on Next.js 16.4 with `next start` and curl):
 *
 * - Next's server fills in `x-forwarded-for` from the socket only when the request has none
 *   (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`, server/base-server.js). A client
 *   that sends `X-Forwarded-For: 203.0.113.7` is seen as 203.0.113.7 by route handlers, by
 *   `headers()` in server actions and pages, and by Auth.js's `authorize(credentials, request)`
 *   (whose Request is rebuilt from those headers). The socket's address is then lost: Next
 *   neither appends it nor exposes it (NextRequest.ip is gone since Next 15).
 * - So the header alone cannot say who the client is. Node publishes every incoming request on
 *   the `http.server.request.start` diagnostics channel before any handler runs; the app writes
 *   the socket's peer into a header of its own there, overwriting whatever the client sent, and
 *   signs it with a per-process token so that a forged copy is refused even if this capture were
 *   ever not installed. Auth.js and server actions copy request headers along, so the peer reaches
 *   `authorize` and our actions alike.
 * - X-Forwarded-For is used only when TRUST_PROXY_HOPS says how many proxies append to it; then
 *   the app must be reachable only through them.
 */

const PEER_HEADER = "x-rabta-peer";

type Capture = { token: string };
const holder = globalThis as unknown as { rabtaPeerCapture?: Capture };

/**
 * Records each request's socket address in a header before Next.js sees the request. Called
 * once at server start (instrumentation.ts); a second call does nothing.
 */
export function installPeerAddressCapture(): void {
  if (holder.rabtaPeerCapture) return;
  const capture = { token: randomBytes(18).toString("base64url") };
  holder.rabtaPeerCapture = capture;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = `${capture.token} ${socket.remoteAddress ?? ""}`;
  });
}

/**
 * The address of the client that sent a request, from its headers (a route handler's Request,
 * `headers()` in a server action, or the Request Auth.js hands to `authorize`). Throws when the
 * socket address is missing, so that a misconfigured server fails loudly instead of counting
 * every client as one, or trusting a header the client wrote.
 */
export function clientAddressFrom(headers: Headers): string {
  const capture = holder.rabtaPeerCapture;
  const [token, peer = ""] = (headers.get(PEER_HEADER) ?? "").split(" ");
  if (!capture || token !== capture.token) throw new Error("The client's socket address was not recorded (installPeerAddressCapture)");
  const address = resolveClientAddress(peer, headers.get("x-forwarded-for"), env().TRUST_PROXY_HOPS);
  if (!address) throw new Error("The request has no client address");
  return address;
}
