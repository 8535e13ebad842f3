import { NextResponse } from "next/server";
import { currentActor, type Actor } from "@/lib/auth/actor";
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

/**
 * The signed-in user, or the response to send instead: 401 for an anonymous caller, 503 while
 * the database (which the session is checked against) is out of reach.
 */
export async function actorOrResponse(): Promise<{ actor: Actor; response?: never } | { actor?: never; response: NextResponse }> {
  try {
    const actor = await currentActor();
    return actor ? { actor } : { response: jsonError(unauthorized()) };
  } catch (error) {
    return { response: jsonError(error) };
  }
}

/**
 * Runs an API handler for a signed-in user, with the same gates as our pages' server actions:
 * a cross-site write gets 403 `forbidden`, an anonymous caller 401 `unauthorized`, and every
 * error its code and HTTP status.
 */
export async function withActor(request: Request, handler: (actor: Actor) => Promise<unknown>): Promise<NextResponse> {
  if (isCrossSiteWrite(request)) return jsonError(new AppError("forbidden", "cross_site_request"));
  const { actor, response } = await actorOrResponse();
  if (response) return response;
  try {
    return NextResponse.json(await handler(actor), { headers: noStore });
  } catch (error) {
    return jsonError(error);
  }
}
