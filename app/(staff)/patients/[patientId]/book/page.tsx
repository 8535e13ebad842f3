import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { groupSlotsByDay } from "@/app/_components/slot-days";
import { requireActor } from "@/lib/auth/actor";
import { staffRoles } from "@/lib/auth/roles";
import { listBookableClinicians } from "@/lib/booking/bookable-clinicians";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { formatMrId } from "@/lib/mrid/mrid";
import { getPatientForStaff } from "@/lib/patients/find-patients";
import { bookSlotAction } from "@/app/_components/slot-actions";
import { SlotPicker } from "@/app/_components/slot-picker";

const MAX_SLOTS_SHOWN = 60;

/** Clinic staff book for a patient found by MR ID, CNIC or phone: choose a doctor, then a time. */
export default async function StaffBookPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ clinician?: string }>;
}) {
  const actor = await requireActor(staffRoles);
  const { patientId } = await params;
  const patient = await orNotFound(getPatientForStaff(actor, patientId));
  const t = await getTranslations("staffBooking");
  const tp = await getTranslations("patient");
  const format = await getFormatter();
  const clinicians = await listBookableClinicians();
  const { clinician } = await searchParams;
  const chosen = clinicians.find((c) => c.id === clinician);

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title", { name: patient.fullName })}</h1>
      <p className="text-sm text-slate-600">
        {tp("mrId")} <span className="ltr-nums">{formatMrId(patient.mrId)}</span>
      </p>
      <nav aria-label={t("chooseDoctor")} className="flex flex-wrap gap-2">
        {clinicians.map((c) => (
          <Link
            key={c.id}
            href={`/patients/${patient.id}/book?clinician=${c.id}`}
            className={c.id === chosen?.id ? "btn-primary" : "btn-secondary"}
            aria-current={c.id === chosen?.id ? "page" : undefined}
          >
            {c.name}
          </Link>
        ))}
      </nav>
      {chosen ? (
        <SlotPicker
          action={bookSlotAction}
          clinicianId={chosen.id}
          patients={[{ id: patient.id, label: patient.fullName }]}
          defaultPatientId={patient.id}
          idempotencyKey={crypto.randomUUID()}
          days={groupSlotsByDay((await listOpenSlots(chosen.id)).slice(0, MAX_SLOTS_SHOWN), format)}
        />
      ) : (
        <p className="text-slate-600">{t("chooseDoctor")}</p>
      )}
    </div>
  );
}
