import { stringify } from "csv-stringify/sync";
import { attendanceSummary } from "@/lib/attendance/summary";
import { dashboardQuery } from "@/lib/reports/query";
import { withActor } from "../../respond";
import { csvDownload } from "../csv-download";

/**
 * The attendance report as CSV, one line per member of staff and then one per facility and per
 * cadre (the `level` column says which), for the same query string as the page (`from`, `to`,
 * `facility`); a byte-order mark so a spreadsheet reads the names as UTF-8.
 */
export async function GET(request: Request) {
  return withActor(request, async (actor) => {
    const query = dashboardQuery(Object.fromEntries(new URL(request.url).searchParams));
    const summary = await attendanceSummary(actor, { fromDay: query.fromText, toDay: query.toText, facilityId: query.facilityId });
    const header = ["level", "name", "facility", "cadre", "rostered_days", "present", "late", "absent_without_leave", "on_leave", "not_yet", "no_roster", "attendance_rate"];
    const line = (level: string, name: string, facility: string, cadre: string | null, r: (typeof summary)["total"]) => [
      level, name, facility, cadre ?? "", r.counted, r.present, r.late, r.absent, r.onLeave, r.pending, r.noRoster, r.rate === null ? "" : r.rate.toFixed(3),
    ];
    const lines = [
      ...summary.byStaff.map((r) => line("staff", r.name, r.facilityNames, r.cadre, r)),
      ...summary.byFacility.map((r) => line("facility", r.facilityName, r.facilityName, null, r)),
      ...summary.byCadre.map((r) => line("cadre", r.cadre ?? "not recorded", "", r.cadre, r)),
      line("total", "total", "", null, summary.total),
    ];
    return csvDownload("\uFEFF" + stringify([header, ...lines]), `rabta-attendance-${query.fromText}-to-${query.toText}.csv`);
  });
}
