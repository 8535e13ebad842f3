import type { Coding, Reference, Resource } from "./types";

/** A reference to a resource of the same bundle, relative to the FHIR base as FHIR resolves it. */
export function referenceTo(type: Resource["resourceType"], id: string): Reference {
  return { reference: `${type}/${id}` };
}

/**
 * A timestamp as a FHIR instant: UTC with its `Z`, so that it always carries the time zone
 * FHIR requires (we store UTC and show Asia/Karachi; the receiver does its own showing).
 */
export function instantOf(date: Date): string {
  return date.toISOString();
}

export function coding(system: string, code: string, display?: string): Coding {
  return display === undefined ? { system, code } : { system, code, display };
}

/** The UTF-8 text as base64, as FHIR's Attachment.data wants it. */
export function base64Of(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}
