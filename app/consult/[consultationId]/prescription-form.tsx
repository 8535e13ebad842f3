"use client";

import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useState } from "react";
import { FormMessage } from "@/app/_components/field";
import { prescribeAction, type PrescribeState } from "./prescription-actions";

export type MedicineChoice = { code: string; name: string; hint: string };
type Choice = { value: string; label: string };

type Props = {
  consultationId: string;
  idempotencyKey: string;
  medicines: MedicineChoice[];
  frequencies: Choice[];
  durationUnits: Choice[];
  instructions: Choice[];
  /** What the facility where the patient is keeps in stock, when it keeps a ledger in Rabta. */
  stock?: { facilityName: string; onHand: Record<string, number> } | null;
};

/**
 * The prescribing form. Its lines are held in the browser (the prescriber adds and removes
 * them), so a refused submit keeps everything typed; each error and warning shows at its line.
 */
export function PrescriptionForm(props: Props) {
  const t = useTranslations("prescriptions");
  const [state, action, pending] = useActionState(prescribeAction.bind(null, props.consultationId), {} as PrescribeState);
  // Sent by hand rather than as the form's action: React resets a form after its action, and
  // that would put the selects out of step with the lines held in state.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      {state.ok && (
        <p role="status" className="rounded-lg bg-brand-50 p-2 text-sm text-brand-900">
          {t("issued")}
        </p>
      )}
      {/* A new prescription starts from one empty line. */}
      <Lines key={state.issuedId ?? "draft"} {...props} state={state} pending={pending} idempotencyKey={state.nextKey ?? props.idempotencyKey} />
    </form>
  );
}

type Draft = {
  id: number;
  medicine: string;
  dose: string;
  frequencyCode: string;
  durationValue: string;
  durationUnit: string;
  instructionCodes: string[];
  instructionsEn: string;
  instructionsUr: string;
};

const MAX_LINES = 10;

function Lines({ medicines, frequencies, durationUnits, instructions, stock, state, pending, idempotencyKey }: Props & { state: PrescribeState; pending: boolean }) {
  const t = useTranslations("prescriptions");
  const te = useTranslations("errors");
  const comma = useLocale() === "ur" ? "، " : ", ";
  const listId = useId();
  const blank = (id: number): Draft => ({
    id,
    medicine: "",
    dose: "",
    frequencyCode: "",
    durationValue: "",
    durationUnit: "days",
    instructionCodes: [],
    instructionsEn: "",
    instructionsUr: "",
  });
  const [drafts, setDrafts] = useState<Draft[]>(() => [blank(1)]);
  // Never reused, so that a removed line's errors cannot land on a new one.
  const [nextId, setNextId] = useState(2);
  // The line ids in the order they were sent: the server's errors and warnings name positions.
  const [sentOrder, setSentOrder] = useState<number[]>([]);
  const codeOf = new Map(medicines.flatMap((medicine) => [[medicine.name.toLowerCase(), medicine.code] as const, [medicine.code, medicine.code] as const]));

  const update = (id: number, change: Partial<Draft>) => setDrafts((all) => all.map((draft) => (draft.id === id ? { ...draft, ...change } : draft)));
  const payload = JSON.stringify(
    drafts.map((draft) => ({
      medicineCode: codeOf.get(draft.medicine.trim().toLowerCase()) ?? draft.medicine.trim(),
      dose: draft.dose,
      frequencyCode: draft.frequencyCode,
      durationValue: draft.durationValue,
      durationUnit: draft.durationUnit,
      instructionCodes: draft.instructionCodes,
      instructionsEn: draft.instructionsEn,
      instructionsUr: draft.instructionsUr,
    })),
  );
  const warnings = state.warnings ?? [];
  const fieldErrors = state.fieldErrors ?? {};
  const errorAt = (draft: Draft, field: string) => {
    const position = sentOrder.indexOf(draft.id);
    return position < 0 ? undefined : fieldErrors[`items.${position}.${field}`];
  };
  const listError = fieldErrors.items;
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  return (
    <>
      <input type="hidden" name="items" value={payload} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <datalist id={listId}>
        {medicines.map((medicine) => (
          <option key={medicine.code} value={medicine.name} label={medicine.hint} />
        ))}
      </datalist>
      {drafts.map((draft, index) => {
        const position = sentOrder.indexOf(draft.id);
        const lineWarnings = position < 0 ? [] : warnings.filter((warning) => warning.item === position);
        const field = (name: string) => `rx-${draft.id}-${name}`;
        const error = (name: string) => errorAt(draft, name);
        return (
          <fieldset key={draft.id} className="space-y-2 rounded-lg border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold">{t("itemHeading", { number: index + 1 })}</legend>
            <label className="block" htmlFor={field("medicine")}>
              <span className="text-sm font-medium text-slate-700">{t("medicine")}</span>
              <input
                id={field("medicine")}
                list={listId}
                dir="ltr"
                autoComplete="off"
                value={draft.medicine}
                onChange={(event) => update(draft.id, { medicine: event.target.value })}
                className="field-input"
                aria-invalid={error("medicineCode") ? true : undefined}
                aria-describedby={`${field("medicine")}-note`}
              />
              <span id={`${field("medicine")}-note`} className="mt-1 block text-sm text-slate-500">
                {error("medicineCode") && error("medicineCode") !== "prescription_warning" ? (
                  <span role="alert" className="text-red-700">
                    {te(error("medicineCode")!)}
                  </span>
                ) : (
                  <StockNote stock={stock} code={codeOf.get(draft.medicine.trim().toLowerCase())} fallback={t("medicineHint")} />
                )}
              </span>
            </label>
            {lineWarnings.length > 0 && (
              <ul role="alert" className="space-y-1 rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950">
                {lineWarnings.map((warning, at) => (
                  <li key={at}>⚠ {warning.text}</li>
                ))}
              </ul>
            )}
            <div className="grid gap-2 sm:grid-cols-2">
              <Input id={field("dose")} dir="auto" label={t("dose")} hint={t("doseHint")} value={draft.dose} error={error("dose")} onChange={(dose) => update(draft.id, { dose })} />
              <label className="block" htmlFor={field("frequency")}>
                <span className="text-sm font-medium text-slate-700">{t("frequency")}</span>
                <select
                  id={field("frequency")}
                  value={draft.frequencyCode}
                  onChange={(event) => update(draft.id, { frequencyCode: event.target.value })}
                  className="field-input"
                  aria-invalid={error("frequencyCode") ? true : undefined}
                >
                  <option value="" disabled>
                    {t("chooseFrequency")}
                  </option>
                  {frequencies.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
                <ErrorText text={error("frequencyCode") && te(error("frequencyCode")!)} />
              </label>
              <Input
                id={field("duration")}
                label={t("duration")}
                inputMode="numeric"
                value={draft.durationValue}
                error={error("durationValue")}
                onChange={(durationValue) => update(draft.id, { durationValue })}
              />
              <label className="block" htmlFor={field("unit")}>
                <span className="text-sm font-medium text-slate-700">{t("durationUnit")}</span>
                <select id={field("unit")} value={draft.durationUnit} onChange={(event) => update(draft.id, { durationUnit: event.target.value })} className="field-input">
                  {durationUnits.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {/* Seventeen phrases fill the narrow column beside the call; they open on demand. */}
            <details className="rounded-lg border border-slate-200 px-2 py-1">
              <summary className="min-h-10 cursor-pointer py-2 text-sm font-medium text-slate-700">
                {t("instructions")}
                {draft.instructionCodes.length > 0 && (
                  <span className="ms-1 font-normal text-slate-600">
                    : {instructions.filter((choice) => draft.instructionCodes.includes(choice.value)).map((choice) => choice.label).join(comma)}
                  </span>
                )}
              </summary>
              <div className="grid gap-1 pb-2">
                {instructions.map((choice) => (
                  <label key={choice.value} className="flex min-h-10 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={draft.instructionCodes.includes(choice.value)}
                      onChange={(event) =>
                        update(draft.id, {
                          instructionCodes: event.target.checked
                            ? [...draft.instructionCodes, choice.value]
                            : draft.instructionCodes.filter((code) => code !== choice.value),
                        })
                      }
                    />
                    {choice.label}
                  </label>
                ))}
              </div>
            </details>
            <ErrorText text={position >= 0 && Object.keys(fieldErrors).some((key) => key.startsWith(`items.${position}.instructionCodes`)) ? te("instruction_unknown") : undefined} />
            <div className="grid gap-2 sm:grid-cols-2">
              <Input
                id={field("ur")}
                label={t("instructionsUr")}
                lang="ur"
                dir="rtl"
                value={draft.instructionsUr}
                error={error("instructionsUr")}
                onChange={(instructionsUr) => update(draft.id, { instructionsUr })}
              />
              <Input
                id={field("en")}
                label={t("instructionsEn")}
                lang="en"
                dir="ltr"
                value={draft.instructionsEn}
                error={error("instructionsEn")}
                onChange={(instructionsEn) => update(draft.id, { instructionsEn })}
              />
            </div>
            {drafts.length > 1 && (
              <button type="button" className="btn-secondary min-h-10 px-3 text-sm" onClick={() => setDrafts((all) => all.filter((other) => other.id !== draft.id))}>
                {t("removeItem")}
              </button>
            )}
          </fieldset>
        );
      })}
      {drafts.length < MAX_LINES && (
        <button type="button" className="btn-secondary w-full" onClick={() => {
            setDrafts((all) => [...all, blank(nextId)]);
            setNextId(nextId + 1);
          }}>
          {t("addItem")}
        </button>
      )}
      <ErrorText text={listError && te(listError)} />
      {warnings.length > 0 && (
        <label className="flex items-start gap-2 rounded-lg border border-amber-400 bg-amber-50 p-3 font-semibold text-amber-950">
          {/* Unticked again whenever the warnings or the medicines change: only warnings that were shown are acknowledged. */}
          <input
            key={[...warnings.map((warning) => warning.text), ...drafts.map((draft) => draft.medicine)].join("|")}
            type="checkbox"
            name="acknowledgeWarnings"
            className="mt-2"
          />
          {t("acknowledge")}
        </label>
      )}
      {!state.ok && <FormMessage messageKey={state.message ?? (hasFieldErrors ? "form_invalid" : undefined)} />}
      <button type="submit" className="btn-primary w-full" disabled={pending} onClick={() => setSentOrder(drafts.map((draft) => draft.id))}>
        {t("submit")}
      </button>
    </>
  );
}

function ErrorText({ text }: { text?: string | false }) {
  if (!text) return null;
  return (
    <span role="alert" className="mt-1 block text-sm text-red-700">
      {text}
    </span>
  );
}

function Input({
  id,
  label,
  hint,
  value,
  error,
  onChange,
  ...rest
}: { id: string; label: string; hint?: string; value: string; error?: string; onChange: (value: string) => void } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  "id" | "value" | "onChange"
>) {
  const te = useTranslations("errors");
  return (
    <label className="block" htmlFor={id}>
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        {...rest}
      />
      {error ? (
        <span id={`${id}-note`} role="alert" className="mt-1 block text-sm text-red-700">
          {te(error)}
        </span>
      ) : (
        hint && (
          <span id={`${id}-note`} className="mt-1 block text-sm text-slate-500">
            {hint}
          </span>
        )
      )}
    </label>
  );
}

/** Under a chosen medicine: how many the spoke has on hand, or that it has none; else the usual hint. */
function StockNote({ stock, code, fallback }: { stock: Props["stock"]; code: string | undefined; fallback: string }) {
  const t = useTranslations("prescriptions");
  if (!stock || !code) return <>{fallback}</>;
  const onHand = stock.onHand[code] ?? 0;
  return (
    <span data-testid="stock-at-spoke" className={onHand > 0 ? "text-brand-800" : "font-medium text-amber-800"}>
      {onHand > 0 ? t("stockAtSpoke", { place: stock.facilityName, count: onHand }) : t("noStockAtSpoke", { place: stock.facilityName })}
    </span>
  );
}
