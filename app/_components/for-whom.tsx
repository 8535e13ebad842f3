import { useTranslations } from "next-intl";

export type ForWhomOption = { id: string; label: string };

/**
 * "For whom?" on a household phone: one radio per patient the account manages, starting on
 * `checkedId`. With a single patient there is nothing to choose, so it is a hidden field.
 * Shared by the clinician's slot list and the find-care list so both book the same way.
 */
export function ForWhom({ patients, checkedId }: { patients: ForWhomOption[]; checkedId: string }) {
  const t = useTranslations("book");
  if (patients.length <= 1) return <input type="hidden" name="patientId" value={checkedId} />;
  return (
    <fieldset>
      <legend className="font-semibold">{t("forWhom")}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {patients.map((p) => (
          <label
            key={p.id}
            className="flex min-h-12 items-center gap-3 rounded-lg border border-slate-300 bg-white px-3 has-checked:border-brand-600 has-checked:bg-brand-50"
          >
            <input type="radio" name="patientId" value={p.id} defaultChecked={checkedId === p.id} />
            {p.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
