import { base64Of, coding, instantOf, referenceTo } from "./reference";
import type { AttachmentMeta, NoteAddendumRow, SoapNoteRow } from "./rows";
import { ATTACHMENT_KIND_SYSTEM, LOINC_SYSTEM } from "./systems";
import type { CodeableConcept, DocumentReference } from "./types";

const PROGRESS_NOTE = { coding: [coding(LOINC_SYSTEM, "11506-3", "Progress note")], text: "Consultation note (SOAP)" };
const ADDENDUM = { coding: [coding(LOINC_SYSTEM, "11506-3", "Progress note")], text: "Addendum to a consultation note" };
const TEXT = "text/plain; charset=utf-8";

/** The note's four parts as one plain text, headed as the consult page heads them. */
export function soapNoteText(note: Pick<SoapNoteRow, "subjective" | "objective" | "assessment" | "plan">): string {
  return [
    ["Subjective", note.subjective],
    ["Objective", note.objective],
    ["Assessment", note.assessment],
    ["Plan", note.plan],
  ]
    .filter(([, text]) => text)
    .map(([heading, text]) => `${heading}:\n${text}`)
    .join("\n\n");
}

/**
 * A SOAP note: a draft is preliminary; a signed note is final and authenticated by its author,
 * or amended once it has addenda (each its own DocumentReference that appends to it).
 */
export function soapNoteToDocumentReference(note: SoapNoteRow, context: { patientId: string; encounterId: string; addendumCount: number }): DocumentReference {
  const { patientId, encounterId, addendumCount } = context;
  return {
    resourceType: "DocumentReference",
    id: note.id,
    status: "current",
    docStatus: note.signedAt ? (addendumCount > 0 ? "amended" : "final") : "preliminary",
    type: PROGRESS_NOTE,
    subject: referenceTo("Patient", patientId),
    date: instantOf(note.signedAt ?? note.updatedAt),
    author: [referenceTo("Practitioner", note.authorId)],
    ...(note.signedAt ? { authenticator: referenceTo("Practitioner", note.authorId) } : {}),
    description: note.signedAt ? `Signed note, version ${note.version}` : `Draft note, version ${note.version}`,
    content: [{ attachment: { contentType: TEXT, data: base64Of(soapNoteText(note)), title: "SOAP note", creation: instantOf(note.createdAt) } }],
    context: { encounter: [referenceTo("Encounter", encounterId)] },
  };
}

/** A correction or addition to a signed note, pointing at the note it appends to. */
export function addendumToDocumentReference(addendum: NoteAddendumRow, context: { noteId: string; patientId: string; encounterId: string }): DocumentReference {
  const { noteId, patientId, encounterId } = context;
  return {
    resourceType: "DocumentReference",
    id: addendum.id,
    status: "current",
    docStatus: "final",
    type: ADDENDUM,
    subject: referenceTo("Patient", patientId),
    date: instantOf(addendum.createdAt),
    author: [referenceTo("Practitioner", addendum.authorId)],
    relatesTo: [{ code: "appends", target: referenceTo("DocumentReference", noteId) }],
    content: [{ attachment: { contentType: TEXT, data: base64Of(addendum.body), title: "Addendum", creation: instantOf(addendum.createdAt) } }],
    context: { encounter: [referenceTo("Encounter", encounterId)] },
  };
}

const attachmentType = {
  lab_report: { coding: [coding(LOINC_SYSTEM, "11502-2", "Laboratory report"), coding(ATTACHMENT_KIND_SYSTEM, "lab_report", "Lab report")], text: "Photographed lab report" },
  photo: { coding: [coding(ATTACHMENT_KIND_SYSTEM, "photo", "Photo")], text: "Photo" },
} satisfies Record<AttachmentMeta["kind"], CodeableConcept>;

/**
 * A photographed report or photo, by reference only: `url` is our attachment route, which checks
 * the record's access again on every request, so the export never carries the bytes. `hash` is
 * FHIR's SHA-1 (base64), computed by the caller from the bytes: ours is SHA-256, which FHIR's
 * Attachment.hash does not take.
 */
export function attachmentToDocumentReference(attachment: AttachmentMeta, patientId: string, content: { url: string; sha1Base64?: string }): DocumentReference {
  return {
    resourceType: "DocumentReference",
    id: attachment.id,
    status: "current",
    type: attachmentType[attachment.kind],
    subject: referenceTo("Patient", patientId),
    date: instantOf(attachment.uploadedAt),
    author: [referenceTo("Practitioner", attachment.uploadedBy)],
    ...(attachment.caption ? { description: attachment.caption } : {}),
    content: [
      {
        attachment: {
          contentType: attachment.contentType,
          url: content.url,
          size: attachment.byteLength,
          ...(content.sha1Base64 ? { hash: content.sha1Base64 } : {}),
          ...(attachment.caption ? { title: attachment.caption } : {}),
          creation: instantOf(attachment.uploadedAt),
        },
      },
    ],
    ...(attachment.encounterId ? { context: { encounter: [referenceTo("Encounter", attachment.encounterId)] } } : {}),
  };
}
