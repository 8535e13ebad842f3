import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/app/_components/auto-refresh";
import { requireActor } from "@/lib/auth/actor";
import { periodOf, previousPeriod } from "@/lib/dhis2/periods";
import { dhis2Configured } from "@/lib/dhis2-export/connection";
import { listDhis2Sends } from "@/lib/dhis2-export/list-sends";
import { inputOfPeriod } from "@/lib/dhis2-export/period-input";
import { listScopedFacilities } from "@/lib/district/list-facilities";
import { ExportForm } from "./export-form";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("dhis2"))("title") };
}


/** The district office reports its facilities' figures to DHIS2: preview, dry run, send, and the history of sends. */
export default async function Dhis2Page() {
  const actor = await requireActor(["admin"]);
  const t = await getTranslations("dhis2");
  const th = await getTranslations("home");
  const format = await getFormatter();
  const [facilities, sends] = await Promise.all([listScopedFacilities(actor), listDhis2Sends(actor)]);
  const now = new Date();
  // Last month is what is usually reported; last week's input is ready for a weekly report.
  const initial = { month: inputOfPeriod(previousPeriod(periodOf("monthly", now))).month, week: inputOfPeriod(previousPeriod(periodOf("weekly", now))).week };
  const waiting = sends.some((send) => send.status === "queued");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      {waiting && <AutoRefresh everyMs={3_000} />}
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/district" className="text-sm text-brand-700 underline">
          {th("dashboard")}
        </Link>
      </div>
      <p className="text-slate-600">{t("intro")}</p>
      {!dhis2Configured() && (
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="dhis2-not-configured">
          {t("notConfigured")}
        </p>
      )}
      <p className="text-sm text-slate-500">{t("demoCodes")}</p>
      <ExportForm facilities={facilities.map((f) => ({ id: f.id, name: f.name, orgUnitCode: f.dhis2OrgUnitCode }))} initial={initial} />
      <section aria-labelledby="dhis2-history" className="space-y-2">
        <h2 id="dhis2-history" className="text-lg font-semibold">
          {t("historyTitle")}
        </h2>
        {waiting && <p className="text-sm text-slate-600">{t("liveNote")}</p>}
        {sends.length === 0 ? (
          <p className="text-slate-600">{t("noSends")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full text-sm" data-testid="dhis2-sends">
              <thead>
                <tr className="border-b text-slate-600">
                  <th className="p-2 text-start">{t("when")}</th>
                  <th className="p-2 text-start">{t("facility")}</th>
                  <th className="p-2 text-start">{t("period")}</th>
                  <th className="p-2 text-start">{t("isDryRun")}</th>
                  <th className="p-2 text-start">{t("status")}</th>
                  <th className="p-2 text-end">{t("counts")}</th>
                  <th className="p-2 text-start">{t("conflicts")}</th>
                </tr>
              </thead>
              <tbody>
                {sends.map((send) => (
                  <tr key={send.id} className="border-b align-top" data-testid="dhis2-send">
                    <td className="whitespace-nowrap p-2">
                      {isolate(format.dateTime(send.requestedAt, { dateStyle: "medium", timeStyle: "short" }))}
                      <span className="block text-xs text-slate-500">{t("who")}: {send.requestedByName}</span>
                    </td>
                    <td className="p-2">{send.facilityName}</td>
                    <td className="p-2 font-mono" dir="ltr">
                      {send.periodId}
                    </td>
                    <td className="p-2">{send.dryRun ? t("yes") : t("no")}</td>
                    <td className={`p-2 ${send.status === "rejected" || send.status === "failed" ? "font-semibold text-red-700" : ""}`}>
                      {t(`status_${send.status}`)}
                      {send.attempts > 1 && <span className="block text-xs text-slate-500">{t("attempts", { count: send.attempts })}</span>}
                      {send.lastError && send.status !== "imported" && (
                        <span className="block text-xs text-slate-500" dir="auto">
                          {t("lastError", { error: send.lastError })}
                        </span>
                      )}
                    </td>
                    <td className="whitespace-nowrap p-2 text-end" dir="ltr">
                      {send.summary ? `${send.summary.imported} / ${send.summary.updated} / ${send.summary.ignored}` : "—"}
                    </td>
                    <td className="p-2">
                      {send.summary && send.summary.conflicts.length > 0 ? (
                        <ul className="space-y-1">
                          {send.summary.conflicts.map((conflict, index) => (
                            <li key={index}>
                              <span dir="ltr" className="font-mono">
                                {conflict.object}
                              </span>
                              : <span dir="ltr">{conflict.value}</span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        t("none")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
