import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/roles";
import { listOnCallPool } from "@/lib/queue/on-call";
import { ActionButton } from "@/app/_components/action-button";
import { pickUpOnCallAction } from "./actions";

/** The "see a doctor now" pools this clinician is on call for; nothing when off call. */
export async function OnCallPool({ actor }: { actor: Actor }) {
  const { needs, waiting } = await listOnCallPool(actor);
  if (needs.length === 0) return null;
  const t = await getTranslations("onCall");
  const tn = await getTranslations("now");
  const format = await getFormatter();
  const now = new Date();
  return (
    <section className="card space-y-3" aria-labelledby="on-call-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="on-call-heading" className="font-semibold">
          {t("pool", { needs: format.list(needs.map((n) => tn(`need_${n}`))) })}
        </h2>
        <ActionButton action={pickUpOnCallAction} label={t("pickUp")} disabled={waiting.length === 0} />
      </div>
      {waiting.length === 0 && <p className="text-slate-600">{t("empty")}</p>}
      <ol className="list-inside list-decimal space-y-1">
        {waiting.map((w) => (
          <li key={w.id}>
            {w.patientName} · {tn(`need_${w.need}`)} · {format.relativeTime(w.requestedAt, now)}
          </li>
        ))}
      </ol>
    </section>
  );
}
