import { readAttachment } from "@/lib/records/read-attachment";
import { withActor } from "../../respond";

/**
 * A photographed report or photo of a record, to those who may open the record. Never cached
 * (it is health data), shown in the browser rather than downloaded, and never sniffed into
 * something other than the image type we re-encoded it as.
 */
export async function GET(request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const { attachmentId } = await params;
  return withActor(request, async (actor) => {
    const { bytes, contentType } = await readAttachment(actor, attachmentId);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": contentType,
        "content-length": String(bytes.byteLength),
        "cache-control": "private, no-store",
        "content-disposition": "inline",
        "x-content-type-options": "nosniff",
      },
    });
  });
}
