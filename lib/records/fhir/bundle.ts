import { instantOf } from "./reference";
import type { Bundle, OperationOutcome, Patient, Resource } from "./types";

/** Where our FHIR resources live under the app's origin; fullUrls and the self link start here. */
export function fhirBaseOf(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/fhir`;
}

/**
 * The `$everything` answer: a searchset whose one match is the patient and whose includes are
 * the rest of the record, each with the absolute fullUrl that its relative references
 * (`Encounter/…`) resolve to against the FHIR base. A resource named twice is sent once.
 */
export function searchsetBundle(input: { baseUrl: string; patient: Patient; include: readonly Resource[]; now: Date; id?: string }): Bundle {
  const base = fhirBaseOf(input.baseUrl);
  const seen = new Set<string>();
  const entry: Bundle["entry"] = [];
  const add = (resource: Resource, mode: "match" | "include") => {
    const key = `${resource.resourceType}/${resource.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    entry.push({ fullUrl: `${base}/${key}`, resource, search: { mode } });
  };
  add(input.patient, "match");
  for (const resource of input.include) add(resource, "include");
  return {
    resourceType: "Bundle",
    id: input.id ?? crypto.randomUUID(),
    meta: { lastUpdated: instantOf(input.now) },
    type: "searchset",
    timestamp: instantOf(input.now),
    total: 1,
    link: [{ relation: "self", url: `${base}/Patient/${input.patient.id}/$everything` }],
    entry,
  };
}

/** A FHIR error body: what a FHIR client expects in place of our own `{ error }` JSON. */
export function operationOutcome(code: "not-found" | "login" | "forbidden" | "invalid" | "transient" | "exception", diagnostics: string): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
}
