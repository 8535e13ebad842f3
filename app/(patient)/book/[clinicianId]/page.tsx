import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getBookableClinician } from "@/lib/booking/clinicians";
import { listAccountAppointments } from "@/lib/booking/list-appointments";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { requirePatientProfile } from "../../patient-profile";
import { groupSlotsByDay } from "@/app/_components/slot-days";
import { SlotPicker } from "@/app/_components/slot-picker";
import { bookSlotAction, rescheduleAction } from "@/app/_components/slot-actions";

const MAX_SLOTS_SHOWN = 60;

export default async function ClinicianSlotsPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicianId: string }>;
  searchParams: Promise<{ reschedule?: string }>;
}) {
  const { actor, self, patients } = await requirePatientProfile();
  const { clinicianId } = await params;
  const clinician = await getBookableClinician(clinicianId);
  if (!clinician) notFound();
  const { reschedule } = await searchParams;
  const moving = reschedule
    ? (await listAccountAppointments(actor)).find((a) => a.id === reschedule && a.clinicianId === clinician.id && a.status === "booked")
    : undefined;
  if (reschedule && !moving) notFound();
  const t = await getTranslations("book");
  const tf = await getTranslations("family");
  const format = await getFormatter();
  const locale = await getLocale();

  const slots = (await listOpenSlots(clinician.id)).slice(0, MAX_SLOTS_SHOWN);
  const days = groupSlotsByDay(slots, format);

  const forWhom = patients.map((p) => ({
    id: p.id,
    label: t("forWhomOption", { name: p.fullName, relation: tf(`relation_${p.relation ?? "other"}`) }),
  }));

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">
        {moving ? t("rescheduleTitle", { name: moving.patientName }) : t("slotsTitle", { name: clinician.name })}
      </h1>
      <p className="font-medium text-brand-900">{locale === "ur" ? clinician.specialty.nameUr : clinician.specialty.nameEn}</p>
      {clinician.facility && (
        <p className="text-sm text-slate-600">{`${clinician.facility.name} · ${t(`facility_${clinician.facility.kind}`)}`}</p>
      )}
      <p className="text-sm text-slate-600">{t("timesInKarachi")}</p>
      <SlotPicker
        clinicianId={clinician.id}
        patients={forWhom}
        defaultPatientId={moving?.patientId ?? self.id}
        action={moving ? rescheduleAction.bind(null, moving.id) : bookSlotAction}
        moving={Boolean(moving)}
        idempotencyKey={crypto.randomUUID()}
        days={days}
      />
    </div>
  );
}
