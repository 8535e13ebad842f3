import { getTranslations } from "next-intl/server";
import { formatMrId } from "@/lib/mrid/mrid";

export async function MrIdCard({ name, mrId }: { name: string; mrId: string }) {
  const t = await getTranslations("patient");
  return (
    <section className="card flex items-center justify-between gap-4 bg-brand-50" aria-label={t("mrIdCard")}>
      <div>
        <p className="text-sm text-slate-600">{name}</p>
        <p className="text-sm text-slate-600">{t("mrId")}</p>
      </div>
      <p className="ltr-nums text-2xl font-bold tracking-wider text-brand-900" data-testid="mr-id">
        {formatMrId(mrId)}
      </p>
    </section>
  );
}
