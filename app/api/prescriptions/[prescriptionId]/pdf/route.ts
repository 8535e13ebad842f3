import { cookies } from "next/headers";
import { withActor } from "@/app/api/respond";
import { requestOrigin } from "@/app/_components/request-origin";
import { env } from "@/lib/env";
import { renderPdf } from "@/lib/records/documents/pdf";
import { signPrintOrigin } from "@/lib/records/documents/print-origin";
import { readPrescription } from "@/lib/records/read-prescription";

// The cookies the print page needs to be itself: the session (Auth.js may split it into
// chunks) and the language; nothing else of the browser's goes to the renderer.
const forwarded = (name: string) => name.includes("authjs.session-token") || name === "NEXT_LOCALE";

/**
 * The prescription as a PDF: the print page rendered by Chromium on this instance, as the
 * signed-in user, so that it is authorised exactly as the page is (another user's is 404).
 */
export async function GET(request: Request, { params }: { params: Promise<{ prescriptionId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { prescriptionId } = await params;
    const rx = await readPrescription(actor, prescriptionId);
    const config = env();
    const path = `/print/prescriptions/${rx.id}`;
    const origin = await requestOrigin();
    const target = new URL(path, config.RABTA_INTERNAL_URL ?? `http://127.0.0.1:${config.PORT}`);
    target.searchParams.set("origin", origin);
    target.searchParams.set("sig", signPrintOrigin(config.AUTH_SECRET, origin, path));
    const jar = await cookies();
    const pdf = await renderPdf({
      url: target.href,
      cookies: jar
        .getAll()
        .filter((cookie) => forwarded(cookie.name))
        .map(({ name, value }) => ({ name, value })),
    });
    const date = rx.issuedAt.toISOString().slice(0, 10);
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="prescription-${rx.patient.mrId}-${date}.pdf"`,
        "cache-control": "no-store",
      },
    });
  });
}
