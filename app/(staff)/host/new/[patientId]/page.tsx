import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { requireActor } from "@/lib/auth/actor";
import { MEASURED_WITH, unavailableAtOwnFacility } from "@/lib/district/capability";
import { clinicToday } from "@/lib/booking/slots";
import { formatMrId } from "@/lib/mrid/mrid";
import { getPatientForStaff } from "@/lib/patients/find-patients";
import { hostRoles, listRoutingTargets } from "@/lib/queue/hosting";
import { ageInMonths } from "@/lib/vitals/ranges";
import { queueWalkInAction } from "./actions";
import { VisitForm, type TargetGroup } from "./visit-form";

// MUAC screens children of 6–59 months; a pregnancy is asked about for women of 10–55 years.
const MUAC_MONTHS = { min: 6, max: 59 };
const PREGNANCY_YEARS = { min: 10, max: 55 };

export async function generateMetadata() {
  return { title: (await getTranslations("host.visit"))("metaTitle") };
}

/** The walk-in's visit: vitals, complaint, triage, and which doctor or queue to send them to. */
export default async function VisitPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requireActor(hostRoles);
  const { patientId } = await params;
  const patient = await orNotFound(getPatientForStaff(actor, patientId));
  const t = await getTranslations("host.visit");
  const th = await getTranslations("host");
  const locale = await getLocale();
  const today = clinicToday(new Date());
  const months = ageInMonths(patient.dateOfBirth, today);
  const years = Math.floor(months / 12);
  const [targets, unavailable] = await Promise.all([listRoutingTargets(), unavailableAtOwnFacility(actor)]);
  const tc = await getTranslations("capability");
  const notMeasurable = Object.entries(MEASURED_WITH)
    .filter(([, kind]) => unavailable.items.includes(kind))
    .map(([measurement]) => measurement);
  const missingItems = [...new Set(Object.values(MEASURED_WITH))].filter((kind) => unavailable.items.includes(kind));
  const specialtyName = (s: { nameEn: string; nameUr: string }) => (locale === "ur" ? s.nameUr : s.nameEn);

  const groups: TargetGroup[] = [
    {
      label: t("cliniciansOnline"),
      options: targets.clinicians.map((c) => ({
        value: `clinician:${c.id}`,
        label: t(c.sex === "female" ? "clinicianOptionFemale" : "clinicianOption", { name: c.name, specialty: specialtyName(c.specialty) }),
        female: c.sex === "female",
      })),
    },
    {
      label: t("specialtyQueues"),
      options: targets.specialties.map((s) => ({
        value: `specialty:${s.code}`,
        label: t("specialtyOption", { specialty: specialtyName(s), count: s.online }),
        female: s.femaleOnline,
      })),
    },
  ].filter((group) => group.options.length > 0);

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="card flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold">{patient.fullName}</h1>
          <p className="text-slate-700">
            <span className="ltr-nums">{formatMrId(patient.mrId)}</span>
          </p>
          <p className="text-slate-600">
            {[years >= 2 ? t("ageYears", { years }) : t("ageMonths", { months }), th(`sex_${patient.sex}`)].join(" · ")}
          </p>
        </div>
        <Link href="/host/new" className="btn-secondary">
          {t("changePatient")}
        </Link>
      </div>
      <VisitForm
        key={patient.id}
        action={queueWalkInAction.bind(null, patient.id)}
        today={today}
        showMuac={months >= MUAC_MONTHS.min && months <= MUAC_MONTHS.max}
        askPregnancy={patient.sex === "female" && years >= PREGNANCY_YEARS.min && years <= PREGNANCY_YEARS.max}
        targetGroups={groups}
        notMeasurable={notMeasurable}
        notMeasurableNote={
          missingItems.length > 0 ? tc("unavailableAtIntake", { items: missingItems.map((kind) => tc(`kind_${kind}`)).join(locale === "ur" ? "، " : ", ") }) : undefined
        }
      />
    </div>
  );
}
