import { NextResponse, type NextRequest } from "next/server";

const publicPaths = ["/sign-in", "/api/", "/dev/", "/_next/", "/favicon", "/icon.svg"];
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * An optimistic redirect for visitors with no session cookie. It is not the gate: every
 * page and lib function checks the actor itself.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (publicPaths.some((p) => pathname.startsWith(p))) return NextResponse.next();
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  return NextResponse.redirect(new URL("/sign-in", request.url));
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"] };
