import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { listScopedFacilities } from "@/lib/district/list-facilities";
import { listScopedStaff } from "@/lib/staff/list-staff";
import { leaveKinds } from "@/lib/staff/record-leave";
import { weeklyHours } from "@/lib/staff/roster-rules";
import { LeaveForm, RosterForm } from "./duty-forms";
import { PostingForm, StaffRecordForm } from "./staff-forms";

export async function generateMetadata() {
  return { title: (await getTranslations("staffRegistry"))("title") };
}

/** The district's staff (HRMIS-lite): cadre, council registration, and where each is posted. */
export default async function StaffRegistryPage() {
  const actor = await requireActor(["admin"]);
  const t = await getTranslations("staffRegistry");
  const [staff, facilities] = await Promise.all([listScopedStaff(actor), listScopedFacilities(actor)]);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <ul className="space-y-3">
        {staff.map((s) => (
          <li key={s.id} className="card space-y-3" data-testid="staff-member">
            <p className="font-semibold">
              {s.name} <span className="text-sm font-normal text-slate-600">· {s.facilityName ?? t("notPosted")}</span>
              {s.postedSince && <span className="text-sm font-normal text-slate-600"> · {t("since", { date: s.postedSince })}</span>}
            </p>
            <StaffRecordForm userId={s.id} name={s.name} cadre={s.cadre ?? ""} registrationNumber={s.registrationNumber ?? ""} />
            <PostingForm userId={s.id} name={s.name} facilities={facilities.map((f) => ({ id: f.id, name: f.name }))} />
            <details className="rounded-lg border border-slate-200 p-2">
              <summary className="min-h-11 cursor-pointer py-2 font-medium">
                {t("roster")}: {s.roster ? t("rosterLine", { hours: weeklyHours(s.roster.shifts), date: s.roster.effectiveFrom }) : t("noRoster")}
              </summary>
              <RosterForm userId={s.id} name={s.name} shifts={s.roster?.shifts ?? []} effectiveFrom={s.roster?.effectiveFrom ?? ""} />
            </details>
            <details className="rounded-lg border border-slate-200 p-2">
              <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("leave")}</summary>
              {s.leave.length > 0 && (
                <ul className="mb-2 text-sm" data-testid="staff-leave">
                  {s.leave.map((l) => (
                    <li key={l.id}>{t("leaveLine", { kind: t(`leave_${l.kind}`), from: l.startsOn, to: l.endsOn })}</li>
                  ))}
                </ul>
              )}
              <LeaveForm userId={s.id} name={s.name} kinds={[...leaveKinds]} />
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
