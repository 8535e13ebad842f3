import { operationsCsv } from "@/lib/reports/csv";
import { districtOperations } from "@/lib/reports/operations";
import { dashboardQuery } from "@/lib/reports/query";
import { withActor } from "../../respond";
import { csvDownload } from "../csv-download";

/** The dashboard's operations table as CSV, for the same query string as the page (`from`, `to`, `group`, `facility`). */
export async function GET(request: Request) {
  return withActor(request, async (actor) => {
    const query = dashboardQuery(Object.fromEntries(new URL(request.url).searchParams));
    const rows = await districtOperations(actor, query);
    return csvDownload(operationsCsv(rows, query.groupBy, "total"), `rabta-operations-${query.groupBy}-${query.fromText}-to-${query.toText}.csv`);
  });
}
