import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";

/** Sends each role to where their work starts. */
export default async function HomePage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (actor.role === "patient") redirect("/appointments");
  if (actor.role === "doctor" || actor.role === "specialist") redirect("/queue");
  const t = await getTranslations("home");
  return (
    <div className="mx-auto max-w-md space-y-3">
      <h1 className="text-2xl font-bold">{t("welcome", { name: actor.name })}</h1>
      <nav className="flex flex-wrap gap-3">
        <Link href="/patients" className="btn-primary">
          {t("findPatient")}
        </Link>
        {actor.role === "admin" && (
          <>
            <Link href="/on-call" className="btn-secondary">
              {t("onCallRota")}
            </Link>
            <Link href="/facilities" className="btn-secondary">
              {t("facilities")}
            </Link>
          </>
        )}
      </nav>
      <p className="text-slate-600">{t(`comingSoon_${actor.role}`)}</p>
    </div>
  );
}
