import { AppError } from "@/lib/errors";
import { listCallMessages } from "@/lib/records/call-chat/list-call-messages";
import { CALL_PHOTO_MAX_BYTES, sendCallMessage, sendCallPhoto } from "@/lib/records/call-chat/send-call-message";
import { withActor } from "../../../respond";

type Params = { params: Promise<{ consultationId: string }> };

/** The call's chat so far. */
export async function GET(request: Request, { params }: Params) {
  const { consultationId } = await params;
  return withActor(request, async (actor) => ({ messages: await listCallMessages(actor, consultationId) }));
}

/** A chat message (JSON `{ body }`) or a photo (multipart field `photo`), kept on the encounter and sent to the room. */
export async function POST(request: Request, { params }: Params) {
  const { consultationId } = await params;
  return withActor(request, async (actor) => {
    // Refused before the body is read: a photo is at most 10 MB, a message a few kB.
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > CALL_PHOTO_MAX_BYTES + 64 * 1024) throw new AppError("invalid", "upload_too_large");
    if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      const form = await request.formData().catch(() => null);
      const photo = form?.get("photo");
      if (!(photo instanceof Blob)) throw new AppError("invalid", "upload_not_image");
      if (photo.size > CALL_PHOTO_MAX_BYTES) throw new AppError("invalid", "upload_too_large");
      return { message: await sendCallPhoto(actor, consultationId, new Uint8Array(await photo.arrayBuffer())) };
    }
    const body = (await request.json().catch(() => null)) as { body?: unknown } | null;
    return { message: await sendCallMessage(actor, consultationId, { body: body?.body }) };
  });
}
