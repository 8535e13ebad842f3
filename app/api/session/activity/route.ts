import { NextResponse } from "next/server";
import { currentSession } from "@/lib/auth/actor";
import { idleTimeLeft, recordActivity, type SessionLookup } from "@/lib/auth/sessions";
import { idlesOut } from "@/lib/auth/session-rules";
import { recordCallActivity } from "@/lib/consult/call-activity";
import { AppError, notFound } from "@/lib/errors";
import { isCrossSiteWrite, jsonError } from "../../respond";

export const dynamic = "force-dynamic";

type Active = Extract<SessionLookup, { status: "active" }>;

/**
 * How long the signed-in staff session has left without activity: `{ remainingMs }`. Reading it
 * is not activity (the idle warning asks before it shows, in case another tab kept the session).
 * A session that ended answers 401 with `signed_out_idle` or `unauthorized` as the message.
 */
export async function GET() {
  return withStaffSession(async (session) => session.expiresAt);
}

/**
 * The user did something on a staff page: the idle clock starts again. With
 * `{ "consultationId": … }`, the caller is in that call, which counts while it is open.
 */
export async function POST(request: Request) {
  // Another site's page must not keep a shared device's session alive.
  if (isCrossSiteWrite(request)) return jsonError(new AppError("forbidden", "cross_site_request"));
  return withStaffSession(async (session) => {
    const body = (await request.json().catch(() => ({}))) as { consultationId?: unknown };
    const extended =
      typeof body.consultationId === "string"
        ? await recordCallActivity(session.actor, session.sessionId, body.consultationId)
        : await recordActivity(session.actor, session.sessionId);
    // A call that has ended extends nothing; the session runs on as it was.
    return extended ?? session.expiresAt;
  });
}

async function withStaffSession(handler: (session: Active) => Promise<Date | null>): Promise<NextResponse> {
  try {
    const session = await currentSession();
    if (session.status !== "active") {
      return jsonError(new AppError("unauthorized", session.status === "ended" && session.reason === "idle" ? "signed_out_idle" : "unauthorized"));
    }
    if (!idlesOut(session.actor.role)) return jsonError(notFound());
    const expiresAt = await handler(session);
    return NextResponse.json({ remainingMs: idleTimeLeft({ ...session, expiresAt }) ?? 0 }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    // A database out of reach is a 503 here too (the session is read from it).
    return jsonError(error);
  }
}
