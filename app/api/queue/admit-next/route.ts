import { NextResponse } from "next/server";
import { currentActor } from "@/lib/auth/actor";
import { AppError, toHttpError } from "@/lib/errors";
import { admitNext } from "@/lib/queue/queue-actions";

/**
 * The clinician admits the next patient under the queue rule. 409 `patient_offline` carries the
 * offline patient and the next one who is there (`offline`, `next`), for the client to offer.
 */
export async function POST() {
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: { code: "unauthorized", message: "unauthorized" } }, { status: 401 });
  try {
    return NextResponse.json(await admitNext(actor));
  } catch (error) {
    const { status, body } = toHttpError(error);
    const details = error instanceof AppError ? error.details : {};
    return NextResponse.json({ error: { ...body.error, ...details } }, { status });
  }
}
