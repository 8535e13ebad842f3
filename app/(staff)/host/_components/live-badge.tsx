"use client";

import { useTranslations } from "next-intl";

/** Says whether the page is following changes live, so staff know when what they see may be stale. */
export function LiveBadge({ live }: { live: boolean }) {
  const t = useTranslations("host");
  return (
    <span className="inline-flex items-center gap-2 text-sm text-slate-600">
      <span aria-hidden className={`size-2.5 rounded-full ${live ? "bg-brand-600" : "bg-slate-400"}`} />
      {live ? t("live") : t("connecting")}
    </span>
  );
}
