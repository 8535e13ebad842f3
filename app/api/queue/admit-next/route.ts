import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { admitNext } from "@/lib/queue/queue-actions";
import { actorOrResponse, errorResponse } from "../../respond";

/**
 * The clinician admits the next patient under the queue rule. 409 `patient_offline` carries the
 * offline patient and the next one who is there (`offline`, `next`), for the client to offer.
 */
export async function POST() {
  const { actor, response } = await actorOrResponse();
  if (response) return response;
  try {
    return NextResponse.json(await admitNext(actor));
  } catch (error) {
    return errorResponse(error, error instanceof AppError ? error.details : {});
  }
}
