import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import { auth } from "./index";
import type { Actor } from "./roles";
import { resolveSession, resolveSessionInStorm, type SessionLookup } from "./sessions";

export type { Actor } from "./roles";

/**
 * The request's session as the database knows it now (see resolveSession). Read once per
 * request; a disabled account, a changed role, a sign-out or an idle staff session counts from
 * the next request on.
 */
export const currentSession = cache(async (): Promise<SessionLookup> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return { status: "none" };
  return resolveSession(id, session.sessionId);
});

/** The signed-in user as the database knows them now, or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  return session.status === "active" ? session.actor : null;
});

/**
 * The signed-in user of a live event stream, checked against the database like currentActor.
 * Every waiting phone reopens its stream at the same moment after a blip or a restart, so this
 * is made cheap: the session token is only opened (Auth.js's whole session round also seals a
 * renewed token and makes a CSRF token, several times the work, for a cookie a stream cannot
 * set), and the session reads of streams opening together are one query (resolveSessionInStorm).
 */
export async function currentStreamActor(): Promise<Actor | null> {
  const token = await sessionToken();
  if (!token?.sub) return null;
  const lookup = await resolveSessionInStorm(token.sub, token.sid);
  return lookup.status === "active" ? lookup.actor : null;
}

/** The request's Auth.js session token, decrypted and checked (signature, expiry), or null. */
async function sessionToken() {
  const request = await headers();
  const cookie = request.get("cookie");
  if (!cookie) return null;
  // The cookie alone: getToken would also take a bearer header, which our pages never send.
  const req = { headers: new Headers({ cookie }) };
  // Auth.js names its cookie "__Secure-…" behind https (as x-forwarded-proto tells, https when
  // absent). Either is sealed with the secret, so whichever the browser holds will do.
  const https = (request.get("x-forwarded-proto") ?? "https") === "https";
  for (const secureCookie of https ? [true, false] : [false, true]) {
    const token = await getToken({ req, secret: env().AUTH_SECRET, secureCookie });
    if (token) return token;
  }
  return null;
}

/** Where to sign in again: staff whose session idled out are told why, at the staff sign-in. */
export function signInPathFor(session: SessionLookup): string {
  return session.status === "ended" && session.reason === "idle" ? "/sign-in/staff?signedOut=idle" : "/sign-in";
}

/** For pages: sends a visitor to sign in, and answers "not found" to the wrong role. */
export async function requireActor(roles?: readonly Role[]): Promise<Actor> {
  const session = await currentSession();
  if (session.status !== "active") redirect(signInPathFor(session));
  if (roles && !roles.includes(session.actor.role)) notFound();
  return session.actor;
}
