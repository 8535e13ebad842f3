import { headers } from "next/headers";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { isAppError, waitValues } from "@/lib/errors";
import { verifyPrescription, type VerificationResult } from "@/lib/records/verify-prescription";
import { dispensingRoles } from "@/lib/stock/dispensing-facility";
import { readDispensing } from "@/lib/stock/dispensing-view";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { CodeForm } from "../code-form";
import { DispenseForm } from "./dispense-form";

export async function generateMetadata() {
  return { title: (await getTranslations("prescriptions"))("verifyTitle"), robots: { index: false } };
}

function readable(code: string): string {
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

type Outcome = { result: VerificationResult } | { limited: number };

async function check(code: string): Promise<Outcome> {
  try {
    return { result: await verifyPrescription(readable(code), clientAddressFrom(await headers())) };
  } catch (error) {
    if (isAppError(error, "verify_rate_limited")) return { limited: waitValues(error.details.retryAfterSeconds).minutes };
    throw error;
  }
}

/**
 * What a pharmacy sees when it scans a prescription's QR code: genuine or not, dispensed or
 * not, and only what it needs to match the paper and the patient at the counter.
 */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [t, locale, outcome] = await Promise.all([getTranslations("prescriptions"), getLocale(), check(code)]);
  const day = new Intl.DateTimeFormat(locale === "ur" ? "ur-PK" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: CLINIC_TIME_ZONE });

  if ("limited" in outcome) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t("verifyTitle")}</h1>
        <p role="alert" className="rounded-xl bg-amber-50 p-4 text-lg text-amber-900">
          {t("verifyRateLimited", { minutes: outcome.limited })}
        </p>
      </div>
    );
  }

  const { result } = outcome;
  if (!result.genuine) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="sr-only">{t("verifyTitle")}</h1>
        <Verdict tone="bad" text={t("verifyNotGenuine")} />
        <p className="text-slate-700">{t("verifyNotGenuineHint")}</p>
        <CodeForm defaultValue={readable(code)} />
      </div>
    );
  }

  const verdict = result.cancelledAt
    ? { tone: "bad" as const, text: t("verifyCancelled", { date: day.format(result.cancelledAt) }) }
    : result.dispensedAt
      ? { tone: "warn" as const, text: t("verifyDispensed", { date: day.format(result.dispensedAt) }) }
      : { tone: "good" as const, text: t("verifyGenuine") };

  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="sr-only">{t("verifyTitle")}</h1>
      <Verdict tone={verdict.tone} text={verdict.text} />
      <dl className="card space-y-3">
        <Item label={t("verifyIssued")}>{day.format(result.issuedAt)}</Item>
        <Item label={t("prescriber")}>
          <bdi className="font-semibold">{result.prescriber.name}</bdi>
          <span className="block text-sm">
            {t("registrationNumber")}:{" "}
            {result.prescriber.registrationNumber ? <span className="ltr-nums">{result.prescriber.registrationNumber}</span> : t("registrationMissing")}
          </span>
          {result.prescriber.facilityName && (
            <bdi className="block text-sm">{[result.prescriber.facilityName, result.prescriber.facilityDistrict].filter(Boolean).join(", ")}</bdi>
          )}
        </Item>
        <Item label={t("verifyPatient")}>
          <span className="block">
            {t("verifyPatientLine", { initials: result.patient.initials, year: String(result.patient.birthYear) })}
          </span>
          <span className="block">
            {t("mrId")} <span className="ltr-nums">{result.patient.maskedMrId}</span>
          </span>
        </Item>
      </dl>
      <section className="card space-y-2" aria-labelledby="verified-medicines">
        <h2 id="verified-medicines" className="font-bold">
          {t("medicines")}
        </h2>
        <ol className="divide-y divide-slate-200">
          {result.items.map((item, index) => (
            <li key={index} className="py-2">
              <p className="font-semibold" dir="ltr">
                <bdi>
                  {item.generic} {item.strength}
                </bdi>{" "}
                <span className="font-normal">· {item.form.en}</span>
              </p>
              <p className="text-sm text-slate-700">
                <bdi>{item.dose}</bdi> · {locale === "ur" ? item.frequency.ur : item.frequency.en} ·{" "}
                {t("durationText", { value: item.durationValue, unit: locale === "ur" ? item.durationUnit.ur : item.durationUnit.en })}
              </p>
            </li>
          ))}
        </ol>
      </section>
      <p className="text-sm text-slate-600">{t("verifyCompare")}</p>
      {!result.cancelledAt && <Counter code={readable(code)} day={day} />}
      <Link href="/verify" className="btn-secondary w-full">
        {t("verifyAnother")}
      </Link>
    </div>
  );
}

const tones = {
  good: { box: "bg-brand-600 text-white", mark: "✓" },
  warn: { box: "bg-amber-400 text-amber-950", mark: "!" },
  bad: { box: "bg-red-700 text-white", mark: "✗" },
};

function Verdict({ tone, text }: { tone: keyof typeof tones; text: string }) {
  const style = tones[tone];
  return (
    <p role="status" className={`flex items-center gap-3 rounded-xl p-4 text-xl font-bold ${style.box}`}>
      <span aria-hidden="true" className="text-4xl leading-none">
        {style.mark}
      </span>
      <span>{text}</span>
    </p>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * For facility staff signed in at a counter: the dispensing form, which takes the stock out of
 * their facility's ledger. Everyone else sees the check alone.
 */
async function Counter({ code, day }: { code: string; day: Intl.DateTimeFormat }) {
  const actor = await currentActor();
  if (!actor || !dispensingRoles.includes(actor.role)) return null;
  const [dispensing, t] = await Promise.all([readDispensing(actor, code).catch((error: unknown) => (isAppError(error) ? null : Promise.reject(error))), getTranslations("prescriptions")]);
  if (!dispensing) return null;
  const name = (line: (typeof dispensing.lines)[number]) => `${line.generic} ${line.strength} ${line.form.en}`;
  return (
    <DispenseForm
      code={code}
      facilityName={dispensing.facility.name}
      open={dispensing.lines.filter((line) => !line.dispensed).map((line) => ({ position: line.position, name: name(line), onHand: line.onHand, suggested: line.suggested }))}
      given={dispensing.lines.flatMap((line) =>
        line.dispensed ? [{ position: line.position, name: name(line), text: t("dispenseLineDone", { count: line.dispensed.quantity, place: line.dispensed.facilityName, date: day.format(line.dispensed.at) }) }] : [],
      )}
    />
  );
}
