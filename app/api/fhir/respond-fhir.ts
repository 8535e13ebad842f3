import { NextResponse } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { toHttpError } from "@/lib/errors";
import { operationOutcome } from "@/lib/records/fhir/bundle";
import { requireSession } from "../respond";

const FHIR_JSON = "application/fhir+json; charset=utf-8";

// Our error codes in FHIR's issue-type words (https://hl7.org/fhir/R4/valueset-issue-type.html).
const issueCode = {
  401: "login",
  403: "forbidden",
  404: "not-found",
  400: "invalid",
  503: "transient",
} as const;

/** A FHIR resource as the answer, in FHIR's own media type, never cached. */
export function fhirJson(body: unknown, status = 200): Response {
  return new NextResponse(JSON.stringify(body), { status, headers: { "content-type": FHIR_JSON, "cache-control": "no-store" } });
}

/**
 * withActor for FHIR routes: the same session gates as every API route (requireSession), but
 * every refusal answers as an OperationOutcome with the same HTTP status — a stranger's
 * patient is 404 like one that does not exist.
 */
export async function withFhirActor(request: Request, handler: (actor: Actor) => Promise<unknown>): Promise<Response> {
  try {
    const session = await requireSession(request);
    return fhirJson(await handler(session.actor));
  } catch (error) {
    const { status, body } = toHttpError(error);
    const code = issueCode[status as keyof typeof issueCode] ?? "exception";
    return fhirJson(operationOutcome(code, body.error.message), status);
  }
}
