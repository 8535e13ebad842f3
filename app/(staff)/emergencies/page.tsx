import { TZDate } from "@date-fns/tz";
import { format as formatDate, subDays } from "date-fns";
import { getFormatter, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/app/_components/auto-refresh";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { CLINIC_TIME_ZONE, clinicLocalInstant } from "@/lib/booking/slots";
import { listFacilityEmergencies, listOpenEmergencies, listReceivingHospitals } from "@/lib/emergency/list";
import { emergencyResponseTimes } from "@/lib/emergency/response-times";
import { formatMrId } from "@/lib/mrid/mrid";
import { ReferralForm } from "./referral-form";
import { isolate } from "@/app/_components/isolate";

export async function generateMetadata() {
  return { title: (await getTranslations("emergency"))("title") };
}

const inputValue = (at: Date | null) => (at ? formatDate(new TZDate(at, CLINIC_TIME_ZONE), "yyyy-MM-dd'T'HH:mm") : "");

/** Emergency referrals: the facility fills each in as it happens; the district watches the open ones and the response times. */
export default async function EmergenciesPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await requireActor(["rhu_staff", "admin"]);
  return actor.role === "admin" ? <DistrictView actor={actor} period={await searchParams} /> : <FacilityView actor={actor} />;
}

async function FacilityView({ actor }: { actor: Actor }) {
  const t = await getTranslations("emergency");
  const format = await getFormatter();
  const [referrals, hospitals] = await Promise.all([listFacilityEmergencies(actor), listReceivingHospitals()]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("facilityIntro")}</p>
      {referrals.length === 0 && <p className="text-slate-600">{t("noneAtFacility")}</p>}
      <ul className="space-y-4">
        {referrals.map((r) => (
          <li key={r.id} className={`card space-y-3 ${r.outcome ? "" : "border-s-4 border-red-700"}`} data-testid="emergency-referral">
            <p className="font-semibold">
              {r.patientName} · <span dir="ltr" className="whitespace-nowrap">{formatMrId(r.mrId)}</span>
            </p>
            <p className="text-sm text-slate-600">
              {t("raisedAt", { time: isolate(format.dateTime(r.raisedAt, { dateStyle: "medium", timeStyle: "short" })) })}
              {" · "}
              {r.outcome ? t(`outcome_${r.outcome}`) : t("open")}
            </p>
            <ReferralForm
              referralId={r.id}
              hospitals={hospitals}
              saved={{
                destinationFacilityId: r.destinationFacilityId ?? "",
                destinationName: r.destinationName ?? "",
                transport: r.transport ?? "",
                transportCalledAt: inputValue(r.transportCalledAt),
                leftAt: inputValue(r.leftAt),
                outcome: r.outcome ?? "",
                outcomeNote: r.outcomeNote ?? "",
              }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A period from the query (clinic dates, `to` inclusive), the last 30 days when absent or unreadable. */
function periodOf(query: { from?: string; to?: string }, now = new Date()) {
  const today = formatDate(new TZDate(now, CLINIC_TIME_ZONE), "yyyy-MM-dd");
  const defaultFrom = formatDate(subDays(new TZDate(now, CLINIC_TIME_ZONE), 29), "yyyy-MM-dd");
  const fromText = query.from && clinicLocalInstant(query.from, "00:00") ? query.from : defaultFrom;
  const toText = query.to && clinicLocalInstant(query.to, "24:00") ? query.to : today;
  const from = clinicLocalInstant(fromText, "00:00")!;
  const to = clinicLocalInstant(toText, "24:00")!;
  return to > from ? { fromText, toText, from, to } : { fromText: defaultFrom, toText: today, from: clinicLocalInstant(defaultFrom, "00:00")!, to: clinicLocalInstant(today, "24:00")! };
}

async function DistrictView({ actor, period: query }: { actor: Actor; period: { from?: string; to?: string } }) {
  const t = await getTranslations("emergency");
  const format = await getFormatter();
  const period = periodOf(query);
  const [open, times] = await Promise.all([listOpenEmergencies(actor), emergencyResponseTimes(actor, period)]);
  const minutes = (value: number | null) => (value === null ? "—" : format.number(value, { maximumFractionDigits: 0 }));
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <AutoRefresh everyMs={15_000} />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="open-emergencies" className="space-y-2">
        <h2 id="open-emergencies" className="text-lg font-semibold">
          {t("openTitle", { count: open.length })}
        </h2>
        <p className="text-sm text-slate-600">{t("liveNote")}</p>
        {open.length === 0 ? (
          <p className="text-slate-600">{t("noneOpen")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-start text-sm" data-testid="open-emergencies">
              <thead>
                <tr className="border-b text-slate-600">
                  <th className="p-2 text-start">{t("facility")}</th>
                  <th className="p-2 text-start">{t("patient")}</th>
                  <th className="p-2 text-start">{t("waiting")}</th>
                  <th className="p-2 text-start">{t("transport")}</th>
                  <th className="p-2 text-start">{t("destination")}</th>
                </tr>
              </thead>
              <tbody>
                {open.map((r) => {
                  const waited = Math.max(0, r.minutesOpen);
                  return (
                    <tr key={r.id} className="border-b align-top">
                      <td className="p-2">
                        {r.facilityName ?? "—"}
                        <span className="block text-xs text-slate-500">{r.districtName}</span>
                      </td>
                      <td className="whitespace-nowrap p-2" dir="ltr">
                        {formatMrId(r.mrId)}
                      </td>
                      <td className={`p-2 ${!r.leftAt && waited >= 60 ? "font-semibold text-red-700" : ""}`}>{t("minutesAgo", { minutes: waited })}</td>
                      <td className="p-2">
                        {r.transport ? t(`transport_${r.transport}`) : t("notCalled")}
                        {r.leftAt && <span className="block text-xs text-slate-500">{t("left")}</span>}
                      </td>
                      <td className="p-2">{r.destination ?? "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="response-times" className="space-y-2">
        <h2 id="response-times" className="text-lg font-semibold">
          {t("timesTitle")}
        </h2>
        <form className="flex flex-wrap items-end gap-3" method="get">
          <label className="block">
            <span className="text-sm font-medium text-slate-700">{t("from")}</span>
            <input className="field-input" type="date" name="from" dir="ltr" defaultValue={period.fromText} />
          </label>
          <label className="block">
            <span className="text-sm font-medium text-slate-700">{t("to")}</span>
            <input className="field-input" type="date" name="to" dir="ltr" defaultValue={period.toText} />
          </label>
          <button type="submit" className="btn-secondary">
            {t("show")}
          </button>
        </form>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="emergency-response-times">
            <thead>
              <tr className="border-b text-slate-600">
                <th className="p-2 text-start">{t("facility")}</th>
                <th className="p-2 text-end">{t("referrals")}</th>
                <th className="p-2 text-end">{t("openCount")}</th>
                <th className="p-2 text-end">{t("toCalled")}</th>
                <th className="p-2 text-end">{t("toLeft")}</th>
                <th className="p-2 text-end">{t("arrived")}</th>
              </tr>
            </thead>
            <tbody>
              {times.map((row) => (
                <tr key={row.total ? "total" : (row.facilityId ?? "none")} className={`border-b ${row.total ? "font-semibold" : ""}`}>
                  <td className="p-2">{row.total ? t("allFacilities") : (row.facilityName ?? "—")}</td>
                  <td className="p-2 text-end">{row.referrals}</td>
                  <td className="p-2 text-end">{row.open}</td>
                  <td className="p-2 text-end">
                    {minutes(row.toCalledMedian)}
                    <span className="block text-xs font-normal text-slate-500">{t("p90", { p90: minutes(row.toCalledP90) })}</span>
                  </td>
                  <td className="p-2 text-end">
                    {minutes(row.toLeftMedian)}
                    <span className="block text-xs font-normal text-slate-500">{t("p90", { p90: minutes(row.toLeftP90) })}</span>
                  </td>
                  <td className="p-2 text-end">{row.arrived}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-slate-600">{t("timesNote")}</p>
      </section>
    </div>
  );
}
