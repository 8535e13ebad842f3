import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { formatMrId } from "@/lib/mrid/mrid";
import { listBreakGlassForReview } from "@/lib/records/break-glass";
import { MergeForm, ReviewForm } from "./forms";

export async function generateMetadata() {
  return { title: (await getTranslations("records"))("adminTitle") };
}

/** The record's administration: emergency accesses awaiting review, and merging two MR IDs of one person. */
export default async function RecordAdminPage() {
  const actor = await requireActor(["admin"]);
  const t = await getTranslations("records");
  const format = await getFormatter();
  const grants = await listBreakGlassForReview(actor);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("adminTitle")}</h1>
      <section className="space-y-3">
        <h2 className="text-lg font-bold">{t("reviewTitle")}</h2>
        {grants.length === 0 && <p className="text-slate-600">{t("reviewNone")}</p>}
        <ul className="space-y-3">
          {grants.map((grant) => (
            <li key={grant.id} className="card space-y-2 border-red-300">
              <p>
                {t("reviewLine", {
                  name: grant.actorName,
                  role: t(`role_${grant.actorRole}`),
                  mrId: formatMrId(grant.patientMrId),
                  when: format.dateTime(grant.grantedAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </p>
              <p className="text-sm text-slate-700">{t("accessReason", { reason: grant.reason })}</p>
              <ReviewForm grantId={grant.id} />
            </li>
          ))}
        </ul>
      </section>
      <MergeForm />
    </div>
  );
}
