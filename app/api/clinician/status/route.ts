import { clinicianRoles } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { getClinicianStatus, setClinicianStatus } from "@/lib/queue/clinician-status";
import { withActor } from "../../respond";

/** The signed-in clinician's own status: online, busy or away. */
export async function GET(request: Request) {
  return withActor(request, async (actor) => {
    if (!clinicianRoles.includes(actor.role)) throw notFound();
    return { status: await getClinicianStatus(actor.id) };
  });
}

/** `{ "status": "online" | "busy" | "away" }`; only clinicians, and only their own. */
export async function POST(request: Request) {
  return withActor(request, async (actor) => {
    const body = (await request.json().catch(() => ({}))) as { status?: unknown };
    return { status: await setClinicianStatus(actor, String(body.status ?? "")) };
  });
}
