"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormError } from "@/app/_components/queue-form-error";
import { TransferForm, type TransferChoices } from "@/app/_components/transfer-form";
import type { FormState } from "@/lib/errors";
import { transferAction } from "@/app/_components/transfer-action";
import { noAnswerAction, returnToQueueAction } from "./actions";

/**
 * What the clinician can do with the patient instead of finishing the consultation: note that
 * they did not answer, send them back to their place, or pass them to someone else. Each ends
 * the call for now and returns the clinician to the queue.
 */
export function QueueControls({
  consultationId,
  noAnswerCount,
  transferChoices,
}: {
  consultationId: string;
  noAnswerCount: number;
  transferChoices: TransferChoices;
}) {
  const t = useTranslations("queue");
  return (
    <section className="card space-y-3" aria-labelledby="queue-controls-heading">
      <h2 id="queue-controls-heading" className="font-semibold">
        {t("callControls")}
      </h2>
      <div className="grid gap-2 sm:grid-cols-2">
        <ConfirmedAction
          action={noAnswerAction.bind(null, consultationId)}
          label={t("noAnswer")}
          explanation={noAnswerCount >= 1 ? t("noAnswerSecond") : t("noAnswerFirst")}
          confirmLabel={t("confirmNoAnswer")}
        />
        <ConfirmedAction
          action={returnToQueueAction.bind(null, consultationId)}
          label={t("returnToQueue")}
          explanation={t("returnExplain")}
          confirmLabel={t("confirmReturn")}
        />
      </div>
      <TransferForm action={transferAction.bind(null, consultationId)} choices={transferChoices} idPrefix="call-transfer" />
    </section>
  );
}

/** A button that first says what will happen, then asks once more. */
function ConfirmedAction({
  action,
  label,
  explanation,
  confirmLabel,
}: {
  action: (state: FormState) => Promise<FormState>;
  label: string;
  explanation: string;
  confirmLabel: string;
}) {
  const t = useTranslations("queue");
  const [state, run, pending] = useActionState(action, {} as FormState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="btn-secondary w-full" onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <form action={run} className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 sm:col-span-2">
      <p className="text-amber-950">{explanation}</p>
      <FormError code={state.message} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {confirmLabel}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
