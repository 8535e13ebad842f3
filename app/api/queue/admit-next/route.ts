import { admitNext } from "@/lib/queue/admit";
import { withActor } from "../../respond";

/**
 * The clinician admits the next patient under the queue rule. 409 `patient_offline` carries the
 * offline patient and the next one who is there (`offline`, `next`), for the client to offer.
 */
export async function POST(request: Request) {
  return withActor(request, (actor) => admitNext(actor));
}
