import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { requestSecurityHeaders } from "@/lib/security/headers";

// /verify: a pharmacy checks a prescription's QR code without an account.
// /1129: anyone files a complaint, and follows it, without an account.
const publicPaths = ["/sign-in", "/verify", "/1129", "/api/", "/dev/", "/_next/", "/favicon", "/icon.svg"];
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Every request gets a fresh CSP nonce and the security headers. Next.js reads the policy from
 * the request headers to put the nonce on the scripts it writes into the page.
 *
 * Visitors with no session cookie are redirected to sign-in: an optimistic redirect, not the
 * gate; every page and lib function checks the actor itself.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const config = env();
  const headers = requestSecurityHeaders({
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64"),
    pathname,
    livekitUrl: config.LIVEKIT_URL,
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    development: config.NODE_ENV === "development",
  });

  const signedOut = !publicPaths.some((p) => pathname.startsWith(p)) && !sessionCookies.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (signedOut) {
    response = NextResponse.redirect(new URL("/sign-in", request.url));
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("content-security-policy", headers["content-security-policy"]!);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// The Nastaliq subsets in public/fonts/ are static files like _next/static: the sign-in page needs them too.
export const config = { matcher: ["/((?!_next/static|_next/image|fonts/|favicon.ico|icon.svg).*)"] };
