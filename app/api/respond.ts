import { NextResponse } from "next/server";
import { currentActor, type Actor } from "@/lib/auth/actor";
import { toHttpError } from "@/lib/errors";

/**
 * Runs an API handler for a signed-in user: 401 JSON for anonymous callers, and every
 * AppError as `{ error: { code, message } }` with its HTTP status. Reading the actor is inside
 * the same net: it reads the database, and an outage there must answer 503, not 500.
 */
export async function withActor(handler: (actor: Actor) => Promise<unknown>): Promise<NextResponse> {
  try {
    const actor = await currentActor();
    if (!actor) return unauthorizedResponse();
    return NextResponse.json(await handler(actor), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The signed-in user, or the JSON response to send instead (401, or 503 while the database is away). */
export async function actorOrResponse(): Promise<{ actor: Actor; response?: never } | { actor?: never; response: NextResponse }> {
  try {
    const actor = await currentActor();
    return actor ? { actor } : { response: unauthorizedResponse() };
  } catch (error) {
    return { response: errorResponse(error) };
  }
}

/** An error as the JSON body and status every API route answers with. */
export function errorResponse(error: unknown, extra: Record<string, unknown> = {}): NextResponse {
  const { status, body } = toHttpError(error);
  return NextResponse.json({ error: { ...body.error, ...extra } }, { status });
}

function unauthorizedResponse(): NextResponse {
  return NextResponse.json({ error: { code: "unauthorized", message: "unauthorized" } }, { status: 401 });
}
