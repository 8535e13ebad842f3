import { randomUUID } from "node:crypto";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { dosageForms, durationUnits, formulary, frequencies, ingredients, instructions } from "@/lib/records/catalog";
import { listPrescriptions } from "@/lib/records/read-prescription";
import { stockForPrescribing } from "@/lib/stock/stock-for-prescribing";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { PrescriptionForm } from "./clinician-forms";
import type { MedicineChoice } from "./prescription-form";

const formNames = new Map<string, { en: string; ur: string }>(dosageForms.map((form) => [form.code, form]));

/** The consultation's prescribing form, and the prescriptions already issued in it with a link to print each. */
export async function PrescriptionPanel({ consultationId, patientId }: { consultationId: string; patientId: string }) {
  const actor = await requireActor();
  const [issued, stock, t, format, locale] = await Promise.all([
    listPrescriptions(actor, patientId, { consultationId }),
    stockForPrescribing(actor, consultationId),
    getTranslations("prescriptions"),
    getFormatter(),
    getLocale(),
  ]);
  const lang = locale === "ur" ? "ur" : "en";
  // The picker's text is the Latin name the pharmacy reads; its hint, the ingredients and form in the page's language.
  const medicines: MedicineChoice[] = formulary.map((medicine) => ({
    code: medicine.code,
    name: `${medicine.generic} ${medicine.strength} ${formNames.get(medicine.form)?.en ?? ""}`.trim(),
    hint: [medicine.ingredients.map((part) => ingredients[part][lang]).join(" + "), formNames.get(medicine.form)?.[lang]].filter(Boolean).join(" · "),
  }));

  return (
    <section className="card space-y-4" aria-labelledby="prescription-heading">
      <h2 id="prescription-heading" className="text-lg font-bold">
        {t("panelTitle")}
      </h2>
      <PrescriptionForm
        consultationId={consultationId}
        idempotencyKey={randomUUID()}
        medicines={medicines}
        stock={stock}
        frequencies={frequencies.map((frequency) => ({ value: frequency.code, label: frequency[lang] }))}
        durationUnits={durationUnits.map((unit) => ({ value: unit.code, label: unit[lang] }))}
        instructions={instructions.map((instruction) => ({ value: instruction.code, label: instruction[lang] }))}
      />
      <div className="space-y-2 border-t border-slate-200 pt-3">
        <h3 className="font-semibold">{t("issuedHere")}</h3>
        {issued.length === 0 && <p className="text-sm text-slate-600">{t("noneYet")}</p>}
        <ul className="space-y-2">
          {issued.map((rx) => (
            <li key={rx.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="min-w-0">
                <span className="block text-slate-600">{format.dateTime(rx.issuedAt, { timeStyle: "short", timeZone: CLINIC_TIME_ZONE })}</span>
                <bdi dir="ltr" className={rx.cancelledAt ? "line-through" : ""}>
                  {rx.medicines.join(", ")}
                </bdi>
                {rx.cancelledAt && <span className="ms-2 rounded bg-red-100 px-1 text-red-800">{t("cancelledBadge")}</span>}
                {rx.dispensedAt && <span className="ms-2 rounded bg-slate-100 px-1">{t("dispensedBadge")}</span>}
              </span>
              <a href={`/print/prescriptions/${rx.id}`} target="_blank" rel="noopener" className="btn-secondary min-h-10 px-3">
                {t("printLink")}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
