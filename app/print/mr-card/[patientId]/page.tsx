import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_components/or-not-found";
import { QrCode } from "@/app/_components/qr-code";
import { requestOrigin } from "@/app/_components/request-origin";
import { requireActor } from "@/lib/auth/actor";
import { serverTranslator } from "@/lib/i18n/config";
import { formatMrId } from "@/lib/mrid/mrid";
import { readMrCard } from "@/lib/patients/mr-card";
import { Bilingual } from "../../bilingual";
import { PrintButton } from "../../print-button";

export async function generateMetadata() {
  return { title: (await getTranslations("prescriptions"))("mrCardTitle") };
}

const birthDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * The MR card, credit-card size (85.6 × 54 mm) on the page, to cut out: the MR ID large, the
 * name as it was registered (one field, in whichever script it was typed: no transliteration
 * is guessed), sex, date of birth, and a QR code that opens the patient for clinic staff.
 */
export default async function PrintMrCardPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requireActor();
  const { patientId } = await params;
  const patient = await orNotFound(readMrCard(actor, patientId));
  const [en, ur, t, origin] = await Promise.all([
    serverTranslator("en", "prescriptions"),
    serverTranslator("ur", "prescriptions"),
    getTranslations("prescriptions"),
    requestOrigin(),
  ]);
  const mrId = formatMrId(patient.mrId);

  return (
    <div className="print-document space-y-4">
      <div className="print:hidden">
        <PrintButton label={t("print")} />
      </div>
      <section
        aria-label={t("mrCardTitle")}
        className="relative flex aspect-[85.6/53.98] w-[85.6mm] max-w-full flex-col justify-between overflow-hidden rounded-[3mm] border border-slate-400 bg-white p-[3mm] break-inside-avoid"
        style={{ printColorAdjust: "exact", WebkitPrintColorAdjust: "exact" }}
      >
        <p className="flex items-baseline justify-between gap-2 border-b border-brand-700 pb-[1mm] text-[9pt] font-bold text-brand-900">
          <Bilingual ur={`رابطہ · ${ur("mrCardHeading")}`} en={`Rabta · ${en("mrCardHeading")}`} />
        </p>
        <div className="flex min-h-0 flex-1 items-center gap-[3mm] pt-[1.5mm]">
          <div className="min-w-0 flex-1 space-y-[1mm]">
            <p className="ltr-nums text-[15pt] leading-tight font-bold tracking-wide text-brand-900" data-testid="mr-id">
              {mrId}
            </p>
            <p className="truncate text-[11pt] leading-snug font-semibold">
              <bdi>{patient.fullName}</bdi>
            </p>
            <p className="text-[8pt] leading-snug text-slate-700">
              <Bilingual ur={ur(`sex_${patient.sex}`)} en={en(`sex_${patient.sex}`)} />
            </p>
            <p className="text-[8pt] leading-snug text-slate-700">
              <Bilingual ur={ur("dateOfBirth")} en={en("dateOfBirth")} />{" "}
              <span dir="ltr" className="font-semibold">
                {birthDate.format(new Date(`${patient.dateOfBirth}T00:00:00Z`))}
              </span>
            </p>
          </div>
          <QrCode text={`${origin}/patients/open?mr=${patient.mrId}`} label={t("mrCardQrLabel", { mrId })} size={84} />
        </div>
        <p className="text-[7pt] leading-snug text-slate-600">
          <Bilingual ur={ur("mrCardKeep")} en={en("mrCardKeep")} />
        </p>
      </section>
    </div>
  );
}
