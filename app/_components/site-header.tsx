import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentSession } from "@/lib/auth/actor";
import { idleTimeLeft, type SessionLookup } from "@/lib/auth/sessions";
import { isDatabaseUnavailable } from "@/lib/errors";
import { setLocaleAction, signOutAction } from "./shell-actions";
import { StaffIdleGuard } from "./staff-idle-guard";

export async function SiteHeader() {
  const t = await getTranslations("app");
  const locale = await getLocale();
  // While the database is away the header still renders (without sign-out), so that the page's
  // own error boundary, inside this layout, can say so in the visitor's language.
  const session = await currentSession().catch((error: unknown): SessionLookup => {
    if (isDatabaseUnavailable(error)) return { status: "none" };
    throw error;
  });
  const actor = session.status === "active" ? session.actor : null;
  // Every page a staff session shows has this header, the call page included: the idle limit
  // follows the session wherever it goes.
  const idleRemainingMs = idleTimeLeft(session);
  const other = locale === "ur" ? "en" : "ur";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-2">
        <Link href="/" className="text-xl font-bold text-brand-700">
          {t("name")}
        </Link>
        <div className="flex items-center gap-2">
          <form action={setLocaleAction}>
            <input type="hidden" name="locale" value={other} />
            <button type="submit" className="btn-secondary min-h-10 px-3" lang={other}>
              {t("switchLanguage")}
            </button>
          </form>
          {actor && (
            <form action={signOutAction}>
              <button type="submit" className="btn-secondary min-h-10 px-3">
                {t("signOut")}
              </button>
            </form>
          )}
        </div>
      </div>
      {idleRemainingMs !== null && <StaffIdleGuard remainingMs={idleRemainingMs} />}
    </header>
  );
}
