import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { QrCode } from "@/app/_components/qr-code";
import { requestOrigin } from "@/app/_components/request-origin";
import { requireActor } from "@/lib/auth/actor";
import { serverTranslator } from "@/lib/i18n/config";
import { env } from "@/lib/env";
import { formatMrId } from "@/lib/mrid/mrid";
import { formatVerificationCode } from "@/lib/records/documents/verification-code";
import { isSignedPrintOrigin } from "@/lib/records/documents/print-origin";
import { readPrescription, type PrescriptionLine } from "@/lib/records/read-prescription";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { Bilingual } from "../../bilingual";
import { PrintButton } from "../../print-button";

type Params = { params: Promise<{ prescriptionId: string }>; searchParams: Promise<{ origin?: string; sig?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("prescriptions"))("documentTitle") };
}

// Dates on the paper are in English digits and month names whatever the screen's language:
// the pharmacist and the next doctor read them alike.
const paperDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: CLINIC_TIME_ZONE });
const paperDateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: CLINIC_TIME_ZONE });

/**
 * The printable bilingual prescription: Urdu in Nastaliq with the drug names in Latin, the
 * QR code a pharmacy scans, on one A4 page (the PDF is this page, printed by Chromium).
 */
export default async function PrintPrescriptionPage({ params, searchParams }: Params) {
  const actor = await requireActor();
  const { prescriptionId } = await params;
  const query = await searchParams;
  const rx = await orNotFound(readPrescription(actor, prescriptionId));
  const path = `/print/prescriptions/${rx.id}`;
  // The PDF renderer reaches this page on an internal address; its route signs the public one.
  const signed = query.origin && query.sig && isSignedPrintOrigin(env().AUTH_SECRET, query.origin, path, query.sig);
  const origin = signed ? query.origin! : await requestOrigin();
  const code = formatVerificationCode(rx.verificationCode);
  const [en, ur, t] = await Promise.all([
    serverTranslator("en", "prescriptions"),
    serverTranslator("ur", "prescriptions"),
    getTranslations("prescriptions"),
  ]);
  const both = (key: Parameters<typeof en>[0], values?: Record<string, string | number>) => ({ en: en(key, values), ur: ur(key, values) });

  return (
    <article className="print-document mx-auto max-w-[186mm] space-y-4 bg-white p-4 shadow-sm sm:p-6 print:max-w-none print:space-y-2 print:p-0 print:text-[10pt] print:shadow-none">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label={t("print")} />
        <a href={`/api/prescriptions/${rx.id}/pdf`} className="btn-secondary">
          {t("downloadPdf")}
        </a>
      </div>

      <header className="flex flex-wrap items-start justify-between gap-3 border-b-2 border-brand-700 pb-3">
        <div>
          <h1 className="text-2xl font-bold text-brand-900 print:text-lg">
            <Bilingual {...both("documentTitle")} />
          </h1>
          <p className="text-sm text-slate-600">
            <Bilingual ur="رابطہ" en="Rabta" /> · <bdi>{rx.prescriber.facilityName ?? ""}</bdi>
          </p>
        </div>
        <p className="text-sm">
          <Bilingual {...both("date")} className="text-slate-600" />{" "}
          <time dateTime={rx.issuedAt.toISOString()} dir="ltr" className="font-semibold">
            {paperDateTime.format(rx.issuedAt)}
          </time>
        </p>
      </header>

      {rx.cancelledAt && (
        <p role="alert" className="rounded-lg border-2 border-red-700 p-3 text-lg font-bold text-red-800">
          <Bilingual {...both("cancelledNotice", { date: paperDate.format(rx.cancelledAt) })} />
        </p>
      )}
      {rx.dispensedAt && !rx.cancelledAt && (
        <p className="rounded-lg bg-slate-100 p-3 font-semibold">
          <Bilingual {...both("dispensedNotice", { date: paperDate.format(rx.dispensedAt) })} />
        </p>
      )}

      <section className="grid gap-3 sm:grid-cols-2">
        <dl className="space-y-1">
          <Row label={both("patient")}>
            <bdi className="text-lg font-semibold print:text-base">{rx.patient.fullName}</bdi>
          </Row>
          <Row label={both("mrId")}>
            <span className="ltr-nums text-lg font-bold print:text-base">{formatMrId(rx.patient.mrId)}</span>
          </Row>
          <Row label={both("age")}>
            <Bilingual {...both("ageYears", { years: rx.patient.ageYears })} /> · <Bilingual {...both(`sex_${rx.patient.sex}`)} />
          </Row>
        </dl>
        <dl className="space-y-1">
          <Row label={both("prescriber")}>
            <bdi className="font-semibold">{rx.prescriber.name}</bdi>
          </Row>
          <Row label={both("registrationNumber")}>
            {rx.prescriber.registrationNumber ? (
              <span className="ltr-nums font-semibold">{rx.prescriber.registrationNumber}</span>
            ) : (
              <Bilingual {...both("registrationMissing")} />
            )}
          </Row>
          {rx.prescriber.facilityName && (
            <Row label={both("facility")}>
              <bdi>{[rx.prescriber.facilityName, rx.prescriber.facilityDistrict].filter(Boolean).join(", ")}</bdi>
            </Row>
          )}
        </dl>
      </section>

      <section aria-labelledby="medicines-heading">
        <h2 id="medicines-heading" className="border-b border-slate-300 pb-1 text-lg font-bold print:text-base">
          <span aria-hidden="true" className="me-2 font-serif text-2xl">
            ℞
          </span>
          <Bilingual {...both("medicines")} />
        </h2>
        <ol className="divide-y divide-slate-200">
          {rx.items.map((item, index) => (
            <Line key={item.position} item={item} number={index + 1} labels={{ dose: both("lineDose"), when: both("lineWhen"), duration: both("lineDuration") }} />
          ))}
        </ol>
      </section>

      <section className="flex flex-wrap items-center gap-4 border-t border-slate-300 pt-3 break-inside-avoid print:gap-3 print:pt-2">
        <div className="text-center">
          <QrCode text={`${origin}/verify/${rx.verificationCode}`} label={t("qrLabel", { code })} size={112} />
          <p className="ltr-nums mt-1 text-sm font-bold tracking-wider">{code}</p>
        </div>
        <div className="min-w-[12rem] flex-1 space-y-1 text-sm [overflow-wrap:anywhere]">
          <p className="font-semibold">
            <Bilingual {...both("verifyHeading")} />
          </p>
          <p lang="ur" dir="rtl" className="urdu-text">
            {ur("verifyHint", { origin })}
          </p>
          <p lang="en" dir="ltr">
            {en("verifyHint", { origin })}
          </p>
        </div>
        <div className="w-48 text-sm">
          <div className="h-12 border-b border-slate-500" />
          <Bilingual {...both("signature")} className="text-slate-600" />
        </div>
      </section>
      <p className="text-xs text-slate-500">
        <Bilingual {...both("issuedBy")} />
      </p>
    </article>
  );
}

function Row({ label, children }: { label: { en: string; ur: string }; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-2">
      <dt className="text-sm text-slate-600">
        <Bilingual {...label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

type Pair = { en: string; ur: string };

function Line({ item, number, labels }: { item: PrescriptionLine; number: number; labels: { dose: Pair; when: Pair; duration: Pair } }) {
  const instructionsUr = [...item.instructions.map((i) => i.ur), item.instructionsUr].filter(Boolean).join("، ");
  const instructionsEn = [...item.instructions.map((i) => i.en), item.instructionsEn].filter(Boolean).join("; ");
  return (
    <li className="space-y-1 py-3 break-inside-avoid print:space-y-0 print:py-1.5">
      <p className="text-lg font-bold print:text-[11pt]" dir="ltr">
        <span className="me-2">{number}.</span>
        <bdi>
          {item.generic} {item.strength}
        </bdi>{" "}
        <span className="font-normal">
          · {item.form.en} · {item.route.en}
        </span>
      </p>
      <p lang="ur" dir="rtl" className="urdu-text text-slate-700">
        {item.form.ur} · {item.route.ur}
      </p>
      <dl className="grid gap-2 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">
            <Bilingual {...labels.dose} />
          </dt>
          <dd className="font-semibold">
            <bdi>{item.dose}</bdi>
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">
            <Bilingual {...labels.when} />
          </dt>
          <dd className="font-semibold">
            <Bilingual ur={item.frequency.ur} en={item.frequency.en} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">
            <Bilingual {...labels.duration} />
          </dt>
          <dd className="font-semibold">
            <Bilingual ur={`${item.durationValue} ${item.durationUnit.ur}`} en={`${item.durationValue} ${item.durationUnit.en}`} />
          </dd>
        </div>
      </dl>
      {instructionsUr && (
        <p lang="ur" dir="rtl" className="urdu-text text-base">
          {instructionsUr}
        </p>
      )}
      {instructionsEn && (
        <p lang="en" dir="ltr" className="text-sm text-slate-700">
          {instructionsEn}
        </p>
      )}
    </li>
  );
}
