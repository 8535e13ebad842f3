import { districtDashboard } from "@/lib/reports/dashboard";
import { dashboardCsv } from "@/lib/reports/csv";
import { dashboardQuery } from "@/lib/reports/query";
import { withActor } from "../../respond";
import { csvDownload } from "../csv-download";

/** The district dashboard's table as CSV, for the same query string as the page (`from`, `to`, `group`, `facility`). */
export async function GET(request: Request) {
  return withActor(request, async (actor) => {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const query = dashboardQuery(params);
    const rows = await districtDashboard(actor, query);
    return csvDownload(dashboardCsv(rows, query.groupBy, "total"), `rabta-${query.groupBy}-${query.fromText}-to-${query.toText}.csv`);
  });
}
