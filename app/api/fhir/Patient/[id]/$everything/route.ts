import { patientEverything } from "@/lib/records/fhir/everything";
import { withFhirActor } from "../../../respond-fhir";

/** FHIR's Patient/$everything: the whole record as a searchset Bundle, opened and audited like the record's pages. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withFhirActor(request, async (actor) => {
    const { id } = await params;
    return patientEverything(actor, id, { baseUrl: new URL(request.url).origin });
  });
}
