import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { listAccountPatients } from "@/lib/patients/find-patients";
import { RegisterForm } from "./register-form";

export async function generateMetadata() {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage() {
  const actor = await requireActor(["patient"]);
  if ((await listAccountPatients(actor)).length > 0) redirect("/appointments");
  const t = await getTranslations("register");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <div className="card">
        <RegisterForm />
      </div>
    </div>
  );
}
