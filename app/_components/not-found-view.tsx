import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * "Not found", as every not-found boundary shows it: for a page that does not exist and for
 * someone else's record alike, so that a stranger cannot tell the two apart. Home ("/") sends
 * each visitor on to where their work starts, or to sign in.
 */
export async function NotFoundView() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-md space-y-3 text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <Link href="/" className="btn-secondary">
        {t("home")}
      </Link>
    </div>
  );
}
