import { idleTimeLeft, recordActivity, type SessionLookup } from "@/lib/auth/sessions";
import { idlesOut } from "@/lib/auth/session-rules";
import { recordCallActivity } from "@/lib/consult/call-activity";
import { notFound } from "@/lib/errors";
import { withSession } from "../../respond";

export const dynamic = "force-dynamic";

type Active = Extract<SessionLookup, { status: "active" }>;

/**
 * How long the signed-in staff session has left without activity: `{ remainingMs }`. Reading it
 * is not activity (the idle warning asks before it shows, in case another tab kept the session).
 * A session that ended answers 401 with `signed_out_idle` or `unauthorized` as the message.
 */
export async function GET(request: Request) {
  return withStaffSession(request, async (session) => session.expiresAt);
}

/**
 * The user did something on a staff page: the idle clock starts again. With
 * `{ "consultationId": … }`, the caller is in that call, which counts while it is open.
 */
export async function POST(request: Request) {
  // Another site's page must not keep a shared device's session alive (withSession refuses it).
  return withStaffSession(request, async (session) => {
    const body = (await request.json().catch(() => ({}))) as { consultationId?: unknown };
    const extended =
      typeof body.consultationId === "string"
        ? await recordCallActivity(session.actor, session.sessionId, body.consultationId)
        : await recordActivity(session.actor, session.sessionId);
    // A call that has ended extends nothing; the session runs on as it was.
    return extended ?? session.expiresAt;
  });
}

function withStaffSession(request: Request, handler: (session: Active) => Promise<Date | null>): Promise<Response> {
  return withSession(request, async (session) => {
    if (!idlesOut(session.actor.role)) throw notFound();
    const expiresAt = await handler(session);
    return { remainingMs: idleTimeLeft({ ...session, expiresAt }) ?? 0 };
  });
}
