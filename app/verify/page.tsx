import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CodeForm } from "./code-form";

export async function generateMetadata() {
  return { title: (await getTranslations("prescriptions"))("verifyTitle") };
}

/** Where a pharmacy types a prescription's code when it cannot scan the QR. A GET form, so it works without script. */
export default async function VerifyFormPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  if (code?.trim()) redirect(`/verify/${encodeURIComponent(code.trim())}`);
  const t = await getTranslations("prescriptions");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("verifyTitle")}</h1>
      <CodeForm />
    </div>
  );
}
