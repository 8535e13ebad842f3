/** A CSV the browser saves as `filename` rather than shows, never cached (it is scoped, personal data). */
export function csvDownload(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
