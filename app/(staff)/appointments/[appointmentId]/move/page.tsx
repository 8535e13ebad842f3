import { getFormatter, getTranslations } from "next-intl/server";
import { ClinicTime } from "@/app/_components/clinic-time";
import { orNotFound } from "@/app/_components/or-not-found";
import { groupSlotsByDay } from "@/app/_components/slot-days";
import { requireActor } from "@/lib/auth/actor";
import { staffRoles } from "@/lib/auth/roles";
import { getMovableAppointment } from "@/lib/booking/change-appointment";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { rescheduleAction } from "@/app/_components/slot-actions";
import { SlotPicker } from "@/app/_components/slot-picker";

const MAX_SLOTS_SHOWN = 60;

/** A clinician (or clinic staff) moves a booking to another free time; the patient is texted. */
export default async function MoveAppointmentPage({ params }: { params: Promise<{ appointmentId: string }> }) {
  const actor = await requireActor(staffRoles);
  const { appointmentId } = await params;
  const appointment = await orNotFound(getMovableAppointment(actor, appointmentId));
  const t = await getTranslations("staffBooking");
  const format = await getFormatter();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("moveTitle", { name: appointment.patientName })}</h1>
      <p className="text-sm text-slate-600">
        {t("now")} <ClinicTime value={appointment.startsAt} />
      </p>
      <SlotPicker
        clinicianId={appointment.clinicianId}
        patients={[{ id: appointment.patientId, label: appointment.patientName }]}
        defaultPatientId={appointment.patientId}
        action={rescheduleAction.bind(null, appointment.id)}
        moving
        idempotencyKey={crypto.randomUUID()}
        days={groupSlotsByDay((await listOpenSlots(appointment.clinicianId)).slice(0, MAX_SLOTS_SHOWN), format)}
      />
    </div>
  );
}
