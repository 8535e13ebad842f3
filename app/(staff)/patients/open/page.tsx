import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { staffRoles } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { findPatientByMrId } from "@/lib/patients/find-by-mr-id";

export async function generateMetadata() {
  return { title: (await getTranslations("prescriptions"))("openTitle") };
}

/** Where the QR code of an MR card leads: staff land on the patient (a retired MR ID on its survivor). */
export default async function OpenPatientPage({ searchParams }: { searchParams: Promise<{ mr?: string }> }) {
  const actor = await requireActor(staffRoles);
  const { mr = "" } = await searchParams;
  const t = await getTranslations("prescriptions");
  let problem: "openInvalid" | "openNotFound";
  try {
    const patient = await findPatientByMrId(actor, mr);
    redirect(`/patients/${patient.id}`);
  } catch (error) {
    if (isAppError(error, "mrid_format", "mrid_check_digit")) problem = "openInvalid";
    else if (isAppError(error, "not_found")) problem = "openNotFound";
    else throw error;
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("openTitle")}</h1>
      <p role="alert" className="card">
        {t(problem)} {mr && <span className="ltr-nums">{mr}</span>}
      </p>
      <Link href="/patients" className="btn-primary">
        {t("openSearch")}
      </Link>
    </div>
  );
}
