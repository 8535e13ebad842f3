import { getFormatter, getTranslations } from "next-intl/server";
import { CLINIC_TIME_ZONE, clinicToday } from "@/lib/booking/slots";
import { formatMrId } from "@/lib/mrid/mrid";
import type { listWaitingPatients } from "@/lib/queue/waiting-room";
import { ageInMonths, gestationalAge, vitalsWarnings } from "@/lib/vitals/ranges";
import { transferAction } from "@/app/_components/transfer-action";
import { AdmitForm } from "./admit-controls";
import { TransferForm, type TransferChoices } from "@/app/_components/transfer-form";
import type { VitalsSummary } from "@/lib/vitals/latest";

type Entry = Awaited<ReturnType<typeof listWaitingPatients>>[number];
type Translate = Awaited<ReturnType<typeof getTranslations<"queue">>>;

function ageText(t: Translate, dateOfBirth: string, today: string): string {
  const months = dateOfBirth <= today ? ageInMonths(dateOfBirth, today) : 0;
  // Under two, months say more to a clinician than "1 year".
  return months < 24 ? t("age_months", { months }) : t("age_years", { years: Math.floor(months / 12) });
}

/**
 * The waiting patients in the order of the queue rule, with what a clinician needs to choose whom
 * to see: why each is in their place, the complaint, flags, the latest vitals, and whether they
 * are there to answer. On a phone each row stacks into a card.
 */
export async function WaitingTable({
  entries,
  vitals,
  specialtyNames,
  transferChoices,
}: {
  entries: Entry[];
  vitals: Map<string, VitalsSummary>;
  specialtyNames: Map<string, string>;
  transferChoices: (entry: Entry) => TransferChoices;
}) {
  const t = await getTranslations("queue");
  const format = await getFormatter();
  const now = new Date();
  const today = clinicToday(now);
  const clock = (at: Date) => format.dateTime(at, { hour: "numeric", minute: "2-digit", timeZone: CLINIC_TIME_ZONE });

  return (
    <table className="w-full text-start max-md:block">
      <caption className="sr-only">{t("waitingCaption")}</caption>
      <thead className="max-md:sr-only">
        <tr className="border-b text-sm text-slate-600">
          <th scope="col" className="p-2 text-start">
            {t("place")}
          </th>
          <th scope="col" className="p-2 text-start">
            {t("patient")}
          </th>
          <th scope="col" className="p-2 text-start">
            {t("why")}
          </th>
          <th scope="col" className="p-2 text-start">
            {t("complaint")}
          </th>
          <th scope="col" className="p-2 text-start">
            {t("vitals")}
          </th>
          <th scope="col" className="p-2 text-start">
            <span className="sr-only">{t("actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody className="max-md:block">
        {entries.length === 0 && (
          <tr className="max-md:block">
            <td colSpan={6} className="p-4 text-center text-slate-600 max-md:block">
              {t("empty")}
            </td>
          </tr>
        )}
        {entries.map((entry) => {
          const nameId = `patient-${entry.consultationId}`;
          const skipsPresent = entries.some((other) => other.place < entry.place && other.online);
          return (
            <tr key={entry.consultationId} className="border-b align-top last:border-0 max-md:block max-md:py-3">
              <td className="p-2 text-2xl font-bold text-slate-700 max-md:inline-block max-md:py-0">
                <span className="sr-only">{t("place")} </span>
                {entry.place}
              </td>
              <td className="p-2 md:min-w-44 max-md:inline-block max-md:py-0">
                <p id={nameId} className="font-semibold">
                  {entry.patientName}
                </p>
                <p className="text-sm text-slate-600">
                  <span className="ltr-nums whitespace-nowrap">{formatMrId(entry.mrId)}</span> · {ageText(t, entry.dateOfBirth, today)} · {t(`sex_${entry.sex}`)}
                </p>
                <Presence online={entry.online} t={t} />
              </td>
              <td className="p-2 max-md:block max-md:py-1">
                <PlaceReason entry={entry} clock={clock} t={t} />
              </td>
              <td className="p-2 max-md:block max-md:py-1">
                {entry.chiefComplaint && <p>{entry.chiefComplaint}</p>}
                <Flags entry={entry} specialtyNames={specialtyNames} t={t} />
              </td>
              <td className="p-2 max-md:block max-md:py-1">
                <Vitals vitals={vitals.get(entry.consultationId)} today={today} t={t} />
              </td>
              <td className="space-y-2 p-2 md:w-60 max-md:block max-md:py-1">
                {entry.online && <AdmitForm consultationId={entry.consultationId} label={t("admit")} needsReason={skipsPresent} describedBy={nameId} />}
                <TransferForm
                  action={transferAction.bind(null, entry.consultationId)}
                  choices={transferChoices(entry)}
                  idPrefix={`transfer-${entry.consultationId}`}
                  describedBy={nameId}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Presence({ online, t }: { online: boolean; t: Translate }) {
  return (
    <p className={`mt-1 flex items-center gap-1.5 text-sm ${online ? "text-green-800" : "text-slate-600"}`}>
      <span aria-hidden className={`size-2.5 shrink-0 rounded-full ${online ? "bg-green-600" : "border-2 border-slate-500"}`} />
      {online ? t("online") : t("offline")}
    </p>
  );
}

function PlaceReason({ entry, clock, t }: { entry: Entry; clock: (at: Date) => string; t: Translate }) {
  const { reason } = entry;
  if (reason.kind === "triage") {
    const colours = reason.level === "emergency" ? "bg-red-700 text-white" : "bg-amber-200 text-amber-950";
    return <span className={`inline-block rounded-md px-2 py-0.5 text-sm font-semibold ${colours}`}>{t(`reason_${reason.level}`)}</span>;
  }
  return <span className="text-sm">{t(`reason_${reason.kind}`, { time: clock(reason.at) })}</span>;
}

function Flags({ entry, specialtyNames, t }: { entry: Entry; specialtyNames: Map<string, string>; t: Translate }) {
  const flags: string[] = [];
  if (entry.femaleClinicianRequested) flags.push(t("flag_femaleRequested"));
  if (entry.chaperonePresent) flags.push(t("flag_chaperone"));
  if (entry.hostedBy) flags.push(t("flag_hosted"));
  if (entry.noAnswerCount === 1) flags.push(t("flag_missedOnce"));
  if (entry.clinicianId === null && entry.specialtyCode) {
    flags.push(t("flag_fromSpecialty", { specialty: specialtyNames.get(entry.specialtyCode) ?? entry.specialtyCode }));
  }
  if (flags.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-1">
      {flags.map((flag) => (
        <li key={flag} className="rounded-md bg-slate-100 px-2 py-0.5 text-sm text-slate-800">
          {flag}
        </li>
      ))}
    </ul>
  );
}

/** Which measurement each warning is about, so that the value itself stands out. */
const warnedMeasurement: Record<string, string> = {
  spo2_low: "spo2",
  bp_high: "bp",
  bp_low: "bp",
  pulse_high: "pulse",
  temp_high: "temp",
  temp_low: "temp",
  glucose_low: "glucose",
  glucose_high: "glucose",
  muac_severe: "muac",
  muac_moderate: "muac",
};

function Vitals({ vitals, today, t }: { vitals: VitalsSummary | undefined; today: string; t: Translate }) {
  if (!vitals) return <p className="text-sm text-slate-500">{t("noVitals")}</p>;
  const warnings = vitalsWarnings(vitals);
  const warned = new Set(warnings.map((code) => warnedMeasurement[code]));
  const readings: Array<{ key: string; value: string | null }> = [
    { key: "bp", value: vitals.systolic !== null && vitals.diastolic !== null ? `${vitals.systolic}/${vitals.diastolic}` : null },
    { key: "pulse", value: vitals.pulse === null ? null : String(vitals.pulse) },
    { key: "temp", value: vitals.temperatureC === null ? null : `${vitals.temperatureC.toFixed(1)} °C` },
    { key: "spo2", value: vitals.spo2 === null ? null : `${vitals.spo2}%` },
    { key: "rr", value: vitals.respiratoryRate === null ? null : String(vitals.respiratoryRate) },
    { key: "glucose", value: vitals.glucoseMgDl === null ? null : `${vitals.glucoseMgDl} mg/dL` },
    { key: "muac", value: vitals.muacCm === null ? null : `${vitals.muacCm.toFixed(1)} cm` },
    { key: "weight", value: vitals.weightKg === null ? null : `${vitals.weightKg} kg` },
  ];
  const pregnancy = vitals.lastMenstrualPeriod && vitals.lastMenstrualPeriod <= today ? gestationalAge(vitals.lastMenstrualPeriod, today) : null;

  return (
    <div className="space-y-1 text-sm">
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {readings
          .filter((reading) => reading.value !== null)
          .map(({ key, value }) => (
            <li key={key} className={warned.has(key) ? "rounded bg-red-50 px-1 font-semibold text-red-800" : undefined}>
              {t(`vital_${key}`)} <span className="ltr-nums">{value}</span>
            </li>
          ))}
        {pregnancy && <li>{t("vital_lmp", { weeks: pregnancy.weeks, days: pregnancy.days })}</li>}
      </ul>
      {warnings.length > 0 && (
        <p className="font-semibold text-red-800">
          <span aria-hidden>⚠ </span>
          {warnings.map((code) => t(`warning_${code}`)).join(" · ")}
        </p>
      )}
    </div>
  );
}
