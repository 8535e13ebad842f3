"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * What a page shows instead of a bare 500 when rendering it failed. In production the browser
 * is not told why (Next.js hides server errors), so the page asks the health check: while the
 * database is down the visitor is told the service is temporarily unavailable and to try again,
 * which is the common case; otherwise it is the generic "something went wrong".
 */
export default function ErrorPage({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("errorPage");
  const te = useTranslations("errors");
  const [databaseDown, setDatabaseDown] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    fetch("/api/health", { cache: "no-store", signal: abort.signal })
      .then((response) => response.json() as Promise<{ database?: string }>)
      .then((health) => setDatabaseDown(health.database === "down"))
      .catch(() => {});
    return () => abort.abort();
  }, []);

  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 text-center">
      <h1 className="text-2xl font-bold">{databaseDown ? t("unavailableTitle") : t("internalTitle")}</h1>
      <p className="text-slate-600">{databaseDown ? te("database_unavailable") : te("internal")}</p>
      <button type="button" className="btn-primary" onClick={retry}>
        {t("retry")}
      </button>
    </div>
  );
}
