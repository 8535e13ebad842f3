import { NextResponse } from "next/server";
import { currentActor, type Actor } from "@/lib/auth/actor";
import { toHttpError } from "@/lib/errors";

/**
 * Runs an API handler for a signed-in user: 401 JSON for anonymous callers, and every
 * AppError as `{ error: { code, message } }` with its HTTP status.
 */
export async function withActor(handler: (actor: Actor) => Promise<unknown>): Promise<NextResponse> {
  const actor = await currentActor();
  if (!actor) {
    return NextResponse.json({ error: { code: "unauthorized", message: "unauthorized" } }, { status: 401 });
  }
  try {
    return NextResponse.json(await handler(actor), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return NextResponse.json(body, { status });
  }
}
