import { isIP } from "node:net";

/**
 * The canonical text of an IP address as sockets and proxies write it, or null when it is not
 * one: IPv4 dotted quads as they are, IPv4-mapped IPv6 (`::ffff:10.0.0.1`, how a dual-stack
 * socket reports an IPv4 peer) as IPv4, other IPv6 fully expanded in lower case, so that one
 * address always makes one counter key. Ports (`1.2.3.4:5678`, `[::1]:80`) and zones are dropped.
 */
export function normalizeAddress(raw: string): string | null {
  let text = raw.trim();
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    if (end < 0) return null;
    text = text.slice(1, end);
  } else if (/^[\d.]+:\d+$/.test(text)) {
    text = text.slice(0, text.lastIndexOf(":"));
  }
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);

  const kind = isIP(text);
  if (kind === 4) return text;
  if (kind !== 6) return null;
  const groups = ipv6Groups(text);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  }
  return groups.map((g) => g.toString(16)).join(":");
}

/**
 * What a per-client limit counts by. One IPv6 subscriber is usually handed a whole /64 and can
 * pick any address in it, so IPv6 counts by its /64 network; IPv4 by the address.
 */
export function clientLimitKey(address: string): string {
  if (!address.includes(":")) return address;
  return `${address.split(":").slice(0, 4).join(":")}::/64`;
}

/**
 * The client's address given the socket's peer and the X-Forwarded-For header.
 *
 * With `trustedHops` = 0 the header is ignored: anyone can send it. With N > 0, the app sits
 * behind N proxies that each append the address they received the request from; walking N
 * entries back from the end of the list (the socket's peer being the nearest proxy) gives the
 * address the outermost trusted proxy saw. Entries further left were written by the client and
 * are never used. A list shorter than N, or an entry that is not an address, stops the walk at
 * the last address a trusted hop vouched for.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | null, trustedHops: number): string | null {
  let client = normalizeAddress(peer);
  if (client === null || trustedHops <= 0 || !forwardedFor) return client;
  const chain = forwardedFor.split(",");
  for (let hop = 0; hop < trustedHops; hop++) {
    const entry = chain.pop();
    const address = entry === undefined ? null : normalizeAddress(entry);
    if (address === null) break;
    client = address;
  }
  return client;
}

function ipv6Groups(text: string): number[] {
  let body = text.toLowerCase();
  // A trailing dotted quad (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) is the last two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(body);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    body = `${body.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = body.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => parseInt(g, 16));
}
