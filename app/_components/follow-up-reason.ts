import type { getTranslations } from "next-intl/server";
import type { DueFollowUp } from "@/lib/records/list-due-follow-ups";

type ProgrammeWords = Awaited<ReturnType<typeof getTranslations<"programmes">>>;

/** The words of a follow-up's reason: the screening it came from and what it found or asks. */
export function followUpReasonText(t: ProgrammeWords, followUp: Pick<DueFollowUp, "parsedReason">): string {
  const reason = followUp.parsedReason;
  if (!reason) return t("page.otherReason");
  return reason.source === "preventive"
    ? `${t("reasons.preventive")}: ${t(`screening.findings.${reason.key}`)}`
    : `${t(`reasons.${reason.source}`)}: ${t(`followUp.${reason.key}`)}`;
}
