import { headers } from "next/headers";

/**
 * The origin the browser asked for (scheme and host, as the proxy in front forwards them), for
 * links that leave the screen: a QR code on paper must point back to the address people use.
 */
export async function requestOrigin(): Promise<string> {
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "127.0.0.1";
  const proto = incoming.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}
