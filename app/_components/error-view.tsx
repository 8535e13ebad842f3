"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * What a page shows instead of a bare 500 when rendering it failed; every error boundary
 * renders it. In production the browser is not told why (Next.js hides server errors), so it
 * asks the health check: while the database is down the visitor is told the service is
 * temporarily unavailable and to try again, which is the common case; otherwise it is the
 * generic "something went wrong". `retry` (when retrying can help) renders the segment again
 * with fresh server data; the way home is always there.
 */
export function ErrorView({ retry }: { retry?: () => void }) {
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
      <div className="flex flex-wrap justify-center gap-3">
        {retry && (
          <button type="button" className="btn-primary" onClick={retry}>
            {t("retry")}
          </button>
        )}
        <Link href="/" className="btn-secondary">
          {t("home")}
        </Link>
      </div>
    </div>
  );
}
