"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FieldError, FormAlert, TextField } from "@/app/_components/field";
import { ChoiceField, useErrorText } from "@/app/_components/host-fields";
import type { FormState } from "@/lib/errors";
import { orderLabAction, recordLabResultAction, type LabResultState } from "./lab-actions";
import { RecordPanel, SavedNote } from "./record-panel";

export type LabTestChoice = { code: string; label: string; resultKind: "numeric" | "positive_negative" | "text"; unit?: string };
export type LabOrderItem = { id: string; testCode: string; label: string; note: string | null };
export type LabResultItem = { id: string; label: string; value: string | null; flag: string | null; takenOn: string; attachmentId: string | null };

/**
 * Lab tests of the visit: the patient's open orders, a form to order one, and a form to enter a
 * result (typed, photographed, or both). The photo's size is checked in the browser first: a
 * file far above the limit would otherwise be cut off by the server before our own check could
 * answer, and everything typed would be lost.
 */
export function LabPanel({
  consultationId,
  tests,
  openOrders,
  results,
  today,
  maxUploadBytes,
}: {
  consultationId: string;
  tests: LabTestChoice[];
  openOrders: LabOrderItem[];
  results: LabResultItem[];
  today: string;
  maxUploadBytes: number;
}) {
  const t = useTranslations("clinical.lab");
  return (
    <RecordPanel title={t("title")} summary={openOrders.length > 0 ? `${t("openOrders")}: ${openOrders.length}` : undefined}>
      <section className="space-y-1">
        <h3 className="font-semibold">{t("openOrders")}</h3>
        {openOrders.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noOrders")}</p>
        ) : (
          <ul className="list-disc space-y-1 ps-5 text-sm">
            {openOrders.map((order) => (
              <li key={order.id}>
                {order.label}
                {order.note && <span className="text-slate-600"> · {order.note}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {results.length > 0 && (
        <section className="space-y-1">
          <h3 className="font-semibold">{t("results")}</h3>
          <ul className="space-y-1 text-sm">
            {results.map((result) => (
              <li key={result.id}>
                <span className="font-medium">{result.label}</span>
                {result.value && <span className="ltr-nums"> {result.value}</span>}
                {result.flag && <span className={result.flag === "normal" || result.flag === "negative" ? "" : "font-semibold text-red-800"}> · {t(`flag_${result.flag}` as Parameters<typeof t>[0])}</span>}
                <span className="ltr-nums text-slate-600"> · {result.takenOn}</span>
                {result.attachmentId && (
                  <a href={`/api/attachments/${result.attachmentId}`} target="_blank" rel="noopener" className="ms-2 underline">
                    {t("viewPhoto")}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <OrderForm consultationId={consultationId} tests={tests} />
      <ResultForm consultationId={consultationId} tests={tests} openOrders={openOrders} today={today} maxUploadBytes={maxUploadBytes} />
    </RecordPanel>
  );
}

function TestSelect({ id, tests, value, onChange, defaultValue, error, emptyLabel }: {
  id: string;
  tests: LabTestChoice[];
  value?: string;
  onChange?: (code: string) => void;
  defaultValue?: string;
  error?: string;
  emptyLabel: string;
}) {
  const t = useTranslations("clinical.lab");
  return (
    <label className="block" htmlFor={id}>
      <span className="text-sm font-medium text-slate-700">{t("test")}</span>
      <select
        id={id}
        name="testCode"
        value={value}
        defaultValue={value === undefined ? (defaultValue ?? "") : undefined}
        onChange={(event) => onChange?.(event.target.value)}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{emptyLabel}</option>
        {tests.map((test) => (
          <option key={test.code} value={test.code}>
            {test.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} text={error} />
    </label>
  );
}

function OrderForm({ consultationId, tests }: { consultationId: string; tests: LabTestChoice[] }) {
  const t = useTranslations("clinical.lab");
  const tc = useTranslations("clinical");
  const errorText = useErrorText();
  const [state, submit, pending] = useActionState(orderLabAction.bind(null, consultationId), {} as FormState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={submit} className="space-y-3 border-t border-slate-200 pt-3" noValidate>
      <h3 className="font-semibold">{t("orderTitle")}</h3>
      <TestSelect id="lab-order-test" tests={tests} defaultValue={v.testCode} error={errorText(errors.testCode)} emptyLabel={t("chooseTest")} />
      <TextField id="lab-order-note" name="note" label={t("note")} maxLength={500} defaultValue={v.note} error={errorText(errors.note)} />
      <FormAlert text={errorText(state.message)} />
      <SavedNote show={state.ok} text={tc("saved")} />
      <button type="submit" className="btn-secondary w-full" disabled={pending}>
        {t("order")}
      </button>
    </form>
  );
}

function ResultForm(props: { consultationId: string; tests: LabTestChoice[]; openOrders: LabOrderItem[]; today: string; maxUploadBytes: number }) {
  // React resets a form after every action, which leaves a controlled select showing its first
  // option while its state still holds the choice. A new key after every answer re-mounts the
  // fields from what the server echoed: a refusal keeps what was chosen, a stored result starts afresh.
  const [state, submit, pending] = useActionState(
    async (previous: LabResultState & { round?: number }, formData: FormData) => ({
      ...(await recordLabResultAction(props.consultationId, previous, formData)),
      round: (previous.round ?? 0) + 1,
    }),
    {} as LabResultState & { round?: number },
  );
  return <ResultFields key={state.round ?? 0} {...props} state={state} submit={submit} pending={pending} />;
}

function ResultFields({
  tests,
  openOrders,
  today,
  maxUploadBytes,
  state,
  submit,
  pending,
}: {
  tests: LabTestChoice[];
  openOrders: LabOrderItem[];
  today: string;
  maxUploadBytes: number;
  state: LabResultState;
  submit: (formData: FormData) => void;
  pending: boolean;
}) {
  const t = useTranslations("clinical.lab");
  const tc = useTranslations("clinical");
  const errorText = useErrorText();
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  // Controlled: the value's widget follows the test, and React would reset an uncontrolled select.
  const [orderId, setOrderId] = useState(v.orderId ?? "");
  const [testCode, setTestCode] = useState(v.testCode ?? "");
  const [photoError, setPhotoError] = useState<string | undefined>();
  const order = openOrders.find((o) => o.id === orderId);
  const test = tests.find((candidate) => candidate.code === (order?.testCode ?? testCode));
  const reportError = photoError ?? errors.report;

  return (
    <form
      action={submit}
      className="space-y-3 border-t border-slate-200 pt-3"
      noValidate
      // The oversized file was already taken out of the form; its message goes with this submit.
      onSubmit={() => setPhotoError(undefined)}
    >
      <h3 className="font-semibold">{t("resultTitle")}</h3>
      {openOrders.length > 0 && (
        <label className="block" htmlFor="lab-result-order">
          <span className="text-sm font-medium text-slate-700">{t("forOrder")}</span>
          <select
            id="lab-result-order"
            name="orderId"
            value={orderId}
            onChange={(event) => setOrderId(event.target.value)}
            className="field-input"
            aria-invalid={errors.orderId ? true : undefined}
            aria-describedby={errors.orderId ? "lab-result-order-error" : undefined}
          >
            <option value="">{t("noOrder")}</option>
            {openOrders.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
          <FieldError id="lab-result-order-error" text={errorText(errors.orderId)} />
        </label>
      )}
      {!order && <TestSelect id="lab-result-test" tests={tests} value={testCode} onChange={setTestCode} error={errorText(errors.testCode)} emptyLabel={t("chooseTest")} />}
      {test?.resultKind === "positive_negative" ? (
        <ChoiceField
          name="value"
          legend={t("value")}
          className="grid-cols-2"
          options={[
            { value: "positive", label: t("positive") },
            { value: "negative", label: t("negative") },
          ]}
          defaultValue={v.value}
          error={errorText(errors.value)}
        />
      ) : (
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <TextField
              id="lab-result-value"
              name="value"
              label={t("value")}
              inputMode={test?.resultKind === "numeric" ? "decimal" : undefined}
              dir={test?.resultKind === "numeric" ? "ltr" : undefined}
              autoComplete="off"
              maxLength={2000}
              defaultValue={v.value}
              error={errorText(errors.value)}
            />
          </div>
          {test?.unit && (
            <span className="mb-3 w-20 shrink-0 text-sm text-slate-600" dir="ltr">
              {test.unit}
            </span>
          )}
        </div>
      )}
      <TextField id="lab-result-taken" name="takenOn" type="date" dir="ltr" max={today} label={t("takenOn")} defaultValue={v.takenOn || today} error={errorText(errors.takenOn)} />
      <label className="block" htmlFor="lab-result-report">
        <span className="text-sm font-medium text-slate-700">{t("photo")}</span>
        <input
          id="lab-result-report"
          name="report"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          className="mt-1 block w-full text-sm"
          aria-invalid={reportError ? true : undefined}
          aria-describedby={reportError ? "lab-result-report-error" : "lab-result-report-hint"}
          onChange={(event) => {
            const file = event.target.files?.[0];
            const tooLarge = file !== undefined && file.size > maxUploadBytes;
            setPhotoError(tooLarge ? "upload_too_large" : undefined);
            if (tooLarge) event.target.value = "";
          }}
        />
        {!reportError && (
          <span id="lab-result-report-hint" className="mt-1 block text-sm text-slate-500">
            {t("photoHint")}
          </span>
        )}
        <FieldError id="lab-result-report-error" text={errorText(reportError)} />
      </label>
      <FormAlert text={errorText(state.message)} />
      <SavedNote show={state.ok} text={tc("saved")} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
