import { listBookableClinicians } from "@/lib/booking/bookable-clinicians";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { AppError, notFound } from "@/lib/errors";
import { withActor } from "../../../respond";

/** A clinician's open slots over the next `days` days (1–14, default 7). */
export async function GET(request: Request, { params }: { params: Promise<{ clinicianId: string }> }) {
  const { clinicianId } = await params;
  const days = Number(new URL(request.url).searchParams.get("days") ?? 7);
  return withActor(request, async () => {
    if (!Number.isInteger(days) || days < 1 || days > 14) throw new AppError("invalid", "days_invalid");
    const clinician = (await listBookableClinicians()).find((c) => c.id === clinicianId);
    if (!clinician) throw notFound();
    return { clinician, slots: await listOpenSlots(clinician.id, new Date(), days) };
  });
}
