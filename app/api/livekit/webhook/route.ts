import { NextResponse } from "next/server";
import { receiveLiveKitWebhook } from "@/lib/consult/webhook";
import { jsonError } from "../../respond";

export async function POST(request: Request) {
  // The signature covers the exact bytes, so the body is read raw, never re-serialised.
  const body = await request.text();
  try {
    await receiveLiveKitWebhook(body, request.headers.get("authorization"));
    return NextResponse.json({ ok: true });
  } catch (error) {
    return jsonError(error);
  }
}
