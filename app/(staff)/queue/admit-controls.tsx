"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { admitChosenAction, admitNextAction, type AdmitState } from "./actions";
import { useEnterCall } from "@/app/_components/enter-call";
import { TextField } from "@/app/_components/field";
import { useQueueErrorText } from "@/app/_components/queue-error-text";
import { FormError } from "@/app/_components/queue-form-error";

/** "Admit next patient"; when the first patient is offline, offers the next one who is there. */
export function AdmitNextButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations("queue");
  const [state, run, pending] = useActionState(admitNextAction, {} as AdmitState);
  useEnterCall(state.enterCall);
  return (
    <div className="space-y-2">
      <form action={run}>
        <button type="submit" className="btn-primary" disabled={disabled || pending}>
          {t("admitNext")}
        </button>
      </form>
      {state.offline ? <OfflineOffer offline={state.offline} next={state.next ?? null} /> : <FormError code={state.message} />}
    </div>
  );
}

type Offer = NonNullable<AdmitState["offline"]>;

function OfflineOffer({ offline, next }: { offline: Offer; next: Offer | null }) {
  const t = useTranslations("queue");
  return (
    <div role="alert" className="max-w-sm space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p>{next ? t("offlineOffer", { offline: offline.patientName, next: next.patientName }) : t("offlineNoOffer", { offline: offline.patientName })}</p>
      {next && <AdmitForm consultationId={next.consultationId} label={t("admitInstead", { name: next.patientName })} needsReason={false} />}
    </div>
  );
}

/**
 * Admits one chosen patient. Taking someone ahead of patients who are here needs a reason, so
 * then the button first opens a small form asking for it; the server asks for it too if the
 * queue changed in the meantime.
 */
export function AdmitForm({
  consultationId,
  label,
  needsReason,
  describedBy,
}: {
  consultationId: string;
  label: string;
  needsReason: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("queue");
  const errorText = useQueueErrorText();
  const [state, run, pending] = useActionState(admitChosenAction, {} as AdmitState);
  useEnterCall(state.enterCall);
  const [open, setOpen] = useState(false);
  // The state that was showing when the form was closed: its "reason required" must not reopen it.
  const [closedOn, setClosedOn] = useState<AdmitState | null>(null);
  const reasonError = state.fieldErrors?.reason;
  const asking = open || (Boolean(reasonError) && closedOn !== state);
  const reasonId = `admit-reason-${consultationId}`;

  if (needsReason && !asking) {
    return (
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)} aria-describedby={describedBy}>
        {label}
      </button>
    );
  }
  return (
    <div className="space-y-2">
      <form action={run} className="space-y-2">
        <input type="hidden" name="consultationId" value={consultationId} />
        {asking && (
          <TextField
            id={reasonId}
            name="reason"
            label={t("skipReason")}
            hint={t("skipReasonHint")}
            error={reasonError ? errorText(reasonError) : undefined}
            defaultValue={state.values?.reason}
            maxLength={500}
            // Checked by the server, so that the message is ours and in the page's language.
            aria-required
          />
        )}
        {!state.offline && <FormError code={state.message} />}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={asking ? "btn-primary" : "btn-secondary"} disabled={pending} aria-describedby={describedBy}>
            {asking ? t("confirmAdmit") : label}
          </button>
          {asking && (
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                setOpen(false);
                setClosedOn(state);
              }}
            >
              {t("cancel")}
            </button>
          )}
        </div>
      </form>
      {/* Outside the form: the offer is a form of its own, and forms do not nest. */}
      {state.offline && <OfflineOffer offline={state.offline} next={state.next ?? null} />}
    </div>
  );
}
