"use client";

import { useTranslations } from "next-intl";
import { clinicianStatuses } from "@/lib/vocabulary";
import { useActionState } from "react";
import type { FormState } from "@/lib/errors";
import { setStatusAction } from "./actions";
import { FormError } from "@/app/_components/queue-form-error";

const statuses = clinicianStatuses;
type Status = (typeof statuses)[number];

const dot: Record<Status, string> = { online: "bg-green-600", busy: "bg-amber-500", away: "bg-slate-400" };

/** The clinician's own status as three buttons of which one is pressed; each sets it at once. */
export function StatusControl({ status }: { status: Status }) {
  const t = useTranslations("queue");
  const [state, run, pending] = useActionState(setStatusAction, {} as FormState);
  return (
    <form action={run} className="space-y-1">
      <div role="group" aria-labelledby="my-status-label" aria-describedby="my-status-hint" className="flex flex-wrap items-center gap-2">
        <span id="my-status-label" className="font-semibold">
          {t("myStatus")}
        </span>
        <div className="grid w-full grid-cols-3 overflow-hidden rounded-lg border border-slate-300 sm:inline-flex sm:w-auto">
          {statuses.map((value) => {
            const current = value === status;
            return (
              <button
                key={value}
                type="submit"
                name="status"
                value={value}
                aria-pressed={current}
                disabled={pending}
                className={`inline-flex min-h-12 items-center justify-center gap-2 whitespace-nowrap border-s border-slate-300 px-3 first:border-s-0 sm:px-4 ${
                  current ? "bg-brand-700 font-semibold text-white" : "bg-white text-slate-800 hover:bg-slate-50"
                }`}
              >
                <span aria-hidden className={`size-2.5 rounded-full ${dot[value]} ${current ? "ring-2 ring-white" : ""}`} />
                {t(`status_${value}`)}
              </button>
            );
          })}
        </div>
      </div>
      <p id="my-status-hint" className="text-sm text-slate-600">
        {t("statusHint")}
      </p>
      <FormError code={state.fieldErrors?.status ?? state.message} />
    </form>
  );
}
