import { TZDate } from "@date-fns/tz";
import { format, startOfMonth } from "date-fns";
import { clinicLocalInstant } from "@/lib/booking/slots";
import { isUuid } from "@/lib/ids";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { groupings, type DashboardQuery, type Grouping } from "./dashboard";

export type DashboardParams = { from?: string; to?: string; group?: string; facility?: string };

/**
 * The dashboard's query from a page's or an export's search parameters: clinic dates `from`
 * and `to` (inclusive), the rows (`group`), and optionally one facility. What is missing or
 * unreadable falls back to this month so far, by facility; the texts are what the form shows.
 */
export function dashboardQuery(params: DashboardParams, now = new Date()): DashboardQuery & { fromText: string; toText: string } {
  const local = new TZDate(now, CLINIC_TIME_ZONE);
  const today = format(local, "yyyy-MM-dd");
  const monthStart = format(startOfMonth(local), "yyyy-MM-dd");
  const readable = (text: string | undefined, time: string) => (text && clinicLocalInstant(text, time) ? text : undefined);
  let fromText = readable(params.from, "00:00") ?? monthStart;
  let toText = readable(params.to, "24:00") ?? today;
  if (clinicLocalInstant(toText, "24:00")! <= clinicLocalInstant(fromText, "00:00")!) [fromText, toText] = [monthStart, today];
  const groupBy: Grouping = (groupings as readonly string[]).includes(params.group ?? "") ? (params.group as Grouping) : "facility";
  return {
    from: clinicLocalInstant(fromText, "00:00")!,
    to: clinicLocalInstant(toText, "24:00")!,
    groupBy,
    facilityId: params.facility && isUuid(params.facility) ? params.facility : undefined,
    fromText,
    toText,
  };
}
