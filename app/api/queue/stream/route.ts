import { clinicianRoles, hostRoles } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { liveHub } from "@/lib/queue/live-hub";
import { getOnCallStatus } from "@/lib/queue/on-call";
import { clinicianQueueKeys } from "@/lib/queue/snapshot";
import { streamViewerRole } from "@/lib/queue/stream-access";
import { sseResponse } from "@/lib/realtime/sse";
import { withStreamActor } from "../../respond";

export const dynamic = "force-dynamic";

/**
 * The live queue as Server-Sent Events.
 * - `?consultation=<id>`: a `queue` event with the patient's place and estimated wait at once,
 *   then on every change. The patient's own connection also marks them present.
 * - `?request=<id>`: a `pool` event with the place in a "see a doctor now" pool, likewise.
 * - no parameter: a `changed` event whenever the clinician's queues (or, for facility staff,
 *   their hosted patients) change, for the page to re-read itself.
 * A reconnect always starts with the current state, so nothing missed while offline matters:
 * every event is a whole view, not a delta (Last-Event-ID is therefore not needed).
 * Every waiting phone reopens its stream at once after a blip or a restart: the session and
 * access checks of streams opening together are one query each (currentStreamActor,
 * streamViewerRole), and their first views come from one read of the queue (the hub's batch).
 */
export async function GET(request: Request) {
  return withStreamActor(request, async (actor) => {
    const params = new URL(request.url).searchParams;
    const consultationId = params.get("consultation");
    let sequence = 0;
    const nextId = () => `${Date.now()}-${++sequence}`;

    if (consultationId) {
      const consultation = await streamViewerRole(actor, consultationId);
      // A colleague who could admit it follows their queue, not the patient's own view.
      if (!consultation || consultation.role === "candidate") throw notFound();
      const tracksPresence = consultation.role === "patient";
      return sseResponse(request, (stream) =>
        liveHub().watchConsultation(consultation.id, tracksPresence, (view) => stream.send("queue", view, nextId())),
      );
    }

    const requestId = params.get("request");
    if (requestId) {
      await getOnCallStatus(actor, requestId);
      return sseResponse(request, (stream) => liveHub().watchPoolRequest(requestId, (view) => stream.send("pool", view, nextId())));
    }

    const staff = clinicianRoles.includes(actor.role) ? "clinician" : hostRoles.includes(actor.role) ? "host" : null;
    if (!staff) throw notFound();
    const keys = staff === "clinician" ? (await clinicianQueueKeys(actor.id)).keys : [];
    return sseResponse(request, async (stream) => {
      const unwatch = await liveHub().watchStaff(keys, staff === "host" ? actor.id : null, () => stream.send("changed", {}, nextId()));
      stream.send("changed", {}, nextId());
      return unwatch;
    });
  });
}
