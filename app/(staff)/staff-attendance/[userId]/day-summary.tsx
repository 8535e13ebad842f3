import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffDay } from "@/lib/attendance/staff-days";
import { isolate } from "@/app/_components/isolate";

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** What a day was held against (shift, leave) and what was seen on it, in one line of facts. */
export async function DaySummary({ day }: { day: StaffDay }) {
  const t = await getTranslations("attendance");
  const tr = await getTranslations("staffRegistry");
  const format = await getFormatter();
  const facts = [
    day.facilityName,
    day.shift ? t("shift", { starts: isolate(clock(day.shift.startsMinute)), ends: isolate(clock(day.shift.endsMinute)) }) : t("noShift"),
    day.leaveKind ? t("leaveKind", { kind: tr(`leave_${day.leaveKind}`) }) : null,
    day.firstSeen ? t("firstSeen", { time: isolate(format.dateTime(day.firstSeen, { timeStyle: "short" })) }) : t("notSeen"),
    day.checks ? t("checksCount", { count: day.checks }) : null,
    day.onlineMinutes ? t("online", { minutes: day.onlineMinutes }) : null,
    day.conducted ? t("conducted", { count: day.conducted }) : null,
    day.hosted ? t("hosted", { count: day.hosted }) : null,
  ].filter(Boolean);
  return <p className="text-sm text-slate-700">{facts.join(" · ")}</p>;
}
