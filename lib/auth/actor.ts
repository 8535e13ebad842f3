import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema";
import { sessionClaims } from "./index";
import type { Actor } from "./roles";
import { resolveSession, resolveSessionInStorm, type SessionLookup } from "./sessions";

export type { Actor } from "./roles";

/**
 * The request's session as the database knows it now (see resolveSession). Read once per
 * request; a disabled account, a changed role, a sign-out or an idle staff session counts from
 * the next request on.
 */
export const currentSession = cache(async (): Promise<SessionLookup> => {
  const claims = await sessionClaims();
  if (!claims) return { status: "none" };
  return resolveSession(claims.userId, claims.sessionId);
});

/** The signed-in user as the database knows them now, or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  return session.status === "active" ? session.actor : null;
});

/**
 * The signed-in user of a live event stream, checked against the database like currentActor.
 * Every waiting phone reopens its stream at the same moment after a blip or a restart, so the
 * session reads of streams opening together are one query (resolveSessionInStorm); the cookie
 * is opened as for any request (sessionClaims), without Auth.js's session round.
 */
export async function currentStreamActor(): Promise<Actor | null> {
  const claims = await sessionClaims();
  if (!claims) return null;
  const lookup = await resolveSessionInStorm(claims.userId, claims.sessionId);
  return lookup.status === "active" ? lookup.actor : null;
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
