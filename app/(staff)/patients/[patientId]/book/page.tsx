import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { groupSlotsByDay } from "@/app/_components/slot-days";
import { requireActor } from "@/lib/auth/actor";
import { staffRoles } from "@/lib/auth/roles";
import { listBookableClinicians } from "@/lib/booking/bookable-clinicians";
import { findCare } from "@/lib/booking/clinicians";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { formatMrId } from "@/lib/mrid/mrid";
import { getPatientForStaff } from "@/lib/patients/find-patients";
import { listDueFollowUps } from "@/lib/records/list-due-follow-ups";
import { readOpenReferral } from "@/lib/records/read-referral";
import { followUpReasonText } from "@/app/_components/follow-up-reason";
import { bookSlotAction } from "@/app/_components/slot-actions";
import { SlotPicker } from "@/app/_components/slot-picker";

const MAX_SLOTS_SHOWN = 60;

/**
 * Clinic staff book for a patient found by MR ID, CNIC or phone: choose a doctor, then a time.
 * From a referral (`?referral=`), only doctors of the referred specialty are offered, the
 * referral's reason and urgency are shown, and the booking marks the referral booked.
 */
export default async function StaffBookPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ clinician?: string; referral?: string; followUp?: string }>;
}) {
  const actor = await requireActor(staffRoles);
  const { patientId } = await params;
  const patient = await orNotFound(getPatientForStaff(actor, patientId));
  const { clinician, referral: referralId, followUp: followUpId } = await searchParams;
  const referral = referralId ? await orNotFound(readOpenReferral(actor, referralId)) : null;
  // The referral link names its patient; one that does not belong to this page's patient is no referral of theirs.
  if (referral && referral.patientId !== patient.id) notFound();
  // A follow-up to book is one of this patient's still unbooked ones, or no follow-up of theirs.
  const followUp = followUpId ? ((await orNotFound(listDueFollowUps(actor, patient.id))).find((f) => f.id === followUpId) ?? notFound()) : null;
  const tg = await getTranslations("programmes");
  const t = await getTranslations("staffBooking");
  const tr = await getTranslations("clinical");
  const tp = await getTranslations("patient");
  const format = await getFormatter();
  const locale = await getLocale();
  const clinicians = referral?.specialty ? await findCare({ specialty: referral.specialty.code }) : await listBookableClinicians();
  const chosen = clinicians.find((c) => c.id === clinician);
  const linkFor = (id: string) =>
    `/patients/${patient.id}/book?clinician=${id}${referral ? `&referral=${referral.id}` : ""}${followUp ? `&followUp=${followUp.id}` : ""}`;
  const destination = referral && [referral.specialty && (locale === "ur" ? referral.specialty.nameUr : referral.specialty.nameEn), referral.facility?.name].filter(Boolean).join(", ");

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title", { name: patient.fullName })}</h1>
      <p className="text-sm text-slate-600">
        {tp("mrId")} <span className="ltr-nums">{formatMrId(patient.mrId)}</span>
      </p>
      {referral && (
        <section className="card space-y-1" aria-labelledby="referral-heading">
          <h2 id="referral-heading" className="font-semibold">
            {tr("booking.fromReferral")}
          </h2>
          <p>{tr("booking.to", { destination: destination ?? "" })}</p>
          <p className={referral.urgency === "routine" ? "" : "font-semibold text-red-800"}>
            {tr("booking.urgency", { urgency: tr(`referral.urgency_${referral.urgency}`) })}
          </p>
          <p>{tr("booking.reason", { reason: referral.reason })}</p>
          <p className="text-sm text-slate-600">{tr("referral.referredBy", { name: referral.referredByName })}</p>
        </section>
      )}
      {followUp && (
        <section className="card space-y-1" aria-labelledby="follow-up-heading">
          <h2 id="follow-up-heading" className="font-semibold">
            {tg("page.bookingFollowUp")}
          </h2>
          <p>{followUpReasonText(tg, followUp)}</p>
          <p className={followUp.overdue ? "font-semibold text-red-800" : ""}>
            {tg("page.dueOn", { date: format.dateTime(new Date(`${followUp.dueOn}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) })}
          </p>
        </section>
      )}
      {referral && clinicians.length === 0 && <p className="text-slate-700">{tr("booking.noClinician")}</p>}
      <nav aria-label={t("chooseDoctor")} className="flex flex-wrap gap-2">
        {clinicians.map((c) => (
          <Link
            key={c.id}
            href={linkFor(c.id)}
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
          referralId={referral?.id}
          followUpId={followUp?.id}
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
