import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { staffIdleMinutes } from "@/lib/auth/sessions";
import { StaffSignInForm } from "./staff-form";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("staffTitle") };
}

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  if (await currentActor()) redirect("/");
  const t = await getTranslations("signIn");
  const { signedOut } = await searchParams;
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t("staffTitle")}</h1>
      {signedOut === "idle" && (
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {t("signedOutIdle", { minutes: staffIdleMinutes() })}
        </p>
      )}
      <div className="card">
        <StaffSignInForm />
      </div>
      <p className="text-center text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("patientLink")}
        </Link>
      </p>
    </div>
  );
}
