import { bookAppointment } from "@/lib/booking/book-appointment";
import { AppError } from "@/lib/errors";
import { withActor } from "../respond";

/**
 * Books a slot: `{ patientId, clinicianId, startsAt, endsAt }` as JSON. An `Idempotency-Key`
 * header makes a retried request return the first booking instead of making a second.
 */
export async function POST(request: Request) {
  return withActor(request, async (actor) => {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== "object") throw new AppError("invalid", "slot_invalid");
    const appointment = await bookAppointment(actor, {
      patientId: String(body.patientId ?? ""),
      clinicianId: String(body.clinicianId ?? ""),
      startsAt: String(body.startsAt ?? ""),
      endsAt: String(body.endsAt ?? ""),
      idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
    });
    return {
      id: appointment.id,
      patientId: appointment.patientId,
      clinicianId: appointment.clinicianId,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      status: appointment.status,
    };
  });
}
