import { getFormatter, getTranslations } from "next-intl/server";
import { readAccessLog, type AccessLogEntry } from "@/lib/records/read-access-log";
import { requirePatientProfile } from "../../patient-profile";

export async function generateMetadata() {
  return { title: (await getTranslations("records"))("accessLogTitle") };
}

/** "Who opened my record", in plain words; emergency accesses stand out with their reason. */
export default async function AccessLogPage({ searchParams }: { searchParams: Promise<{ patient?: string }> }) {
  const { actor, patients, self } = await requirePatientProfile();
  const { patient } = await searchParams;
  const chosen = patients.find((p) => p.id === patient) ?? self;
  const t = await getTranslations("records");
  const format = await getFormatter();
  const log = await readAccessLog(actor, chosen.id);

  const sentence = (entry: AccessLogEntry) => {
    const who = entry.actorName
      ? t("accessWho", {
          name: entry.actorName,
          role: t(`role_${entry.actorRole ?? "unknown"}`),
          facility: entry.facility ?? "",
          hasFacility: entry.facility ? "yes" : "no",
        })
      : t("accessPharmacy");
    return t(`access_${entry.kind}`, {
      who,
      when: format.dateTime(entry.last, { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }),
      times: entry.times,
      purpose: entry.purpose ?? "none",
    });
  };

  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("accessLogTitle")}</h1>
      <p className="text-slate-600">{t("accessLogIntro", { name: chosen.fullName })}</p>
      {log.length === 0 && <p className="card">{t("accessLogEmpty")}</p>}
      <ul className="space-y-2">
        {log.map((entry, i) => (
          <li key={i} className={entry.purpose === "break_glass" ? "card border-red-400 bg-red-50" : "card"}>
            {entry.purpose === "break_glass" && <p className="font-bold text-red-800">{t("accessEmergency")}</p>}
            <p>{sentence(entry)}</p>
            {entry.breakGlassReason && <p className="text-sm text-slate-700">{t("accessReason", { reason: entry.breakGlassReason })}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
