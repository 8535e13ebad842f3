import { NextResponse } from "next/server";
import { currentSession, currentStreamActor, type Actor } from "@/lib/auth/actor";
import type { SessionLookup } from "@/lib/auth/sessions";
import { AppError, toHttpError, unauthorized } from "@/lib/errors";

const noStore = { "cache-control": "no-store" };

/**
 * True for a write that another site's page could have made in the user's name (CSRF): the
 * browser's Origin must name this host, as Next.js requires of server actions. Browsers send
 * Origin with every POST; a request without one did not come from our pages either.
 */
export function isCrossSiteWrite(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The JSON error body every API route answers with, `{ error: { code, message, … } }`: an
 * AppError's details ride along; a database out of reach is 503 `unavailable`.
 */
export function jsonError(error: unknown): NextResponse {
  const { status, body } = toHttpError(error);
  const details = error instanceof AppError ? error.details : {};
  return NextResponse.json({ error: { ...body.error, ...details } }, { status, headers: noStore });
}

type ActiveSession = Extract<SessionLookup, { status: "active" }>;

/**
 * The gates of withSession without its response: the live session, or the AppError a caller
 * answers with (403 for a cross-site write, 401 without a live session). For routes that word
 * their errors in another format (FHIR's OperationOutcome).
 */
export async function requireSession(request: Request): Promise<ActiveSession> {
  if (isCrossSiteWrite(request)) throw new AppError("forbidden", "cross_site_request");
  const session = await currentSession();
  if (session.status !== "active") {
    throw session.status === "ended" && session.reason === "idle" ? new AppError("unauthorized", "signed_out_idle") : unauthorized();
  }
  return session;
}

/**
 * The one path every signed-in API route takes, with the same gates as our pages' server
 * actions: a cross-site write gets 403 `forbidden`; a caller without a live session 401
 * `unauthorized` (`signed_out_idle` as the message when a staff session idled out); a database
 * out of reach 503; any error thrown by the handler its code and HTTP status. The handler's
 * result is sent as JSON, or as it is when it is already a Response (an event stream).
 */
export async function withSession(request: Request, handler: (session: ActiveSession) => Promise<unknown>): Promise<Response> {
  try {
    const result = await handler(await requireSession(request));
    return result instanceof Response ? result : NextResponse.json(result, { headers: noStore });
  } catch (error) {
    return jsonError(error);
  }
}

/** withSession for a handler that needs only who is acting. */
export function withActor(request: Request, handler: (actor: Actor) => Promise<unknown>): Promise<Response> {
  return withSession(request, (session) => handler(session.actor));
}

/**
 * withActor for an event stream that many phones reopen at once (after a blip or a restart):
 * the session is checked the cheap way, batched with the streams opening beside it
 * (currentStreamActor), and any session that is not active is 401 `unauthorized`.
 */
export async function withStreamActor(request: Request, handler: (actor: Actor) => Promise<Response>): Promise<Response> {
  try {
    const actor = await currentStreamActor();
    if (!actor) throw unauthorized();
    return await handler(actor);
  } catch (error) {
    return jsonError(error);
  }
}

