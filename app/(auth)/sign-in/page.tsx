import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { OtpForm } from "./otp-form";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage() {
  if (await currentActor()) redirect("/");
  const t = await getTranslations("signIn");
  const tc = await getTranslations("complaints");
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <div className="card">
        <OtpForm />
      </div>
      <p className="text-center text-sm">
        <Link href="/sign-in/staff" className="text-brand-700 underline">
          {t("staffLink")}
        </Link>
      </p>
      <p className="text-center text-sm">
        <Link href="/1129" className="text-brand-700 underline">
          {tc("publicLink")}
        </Link>
      </p>
    </div>
  );
}
