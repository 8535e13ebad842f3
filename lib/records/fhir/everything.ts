import { createHash } from "node:crypto";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Transaction } from "@/db";
import {
  allergies,
  attachments,
  consultations,
  diagnoses,
  districts,
  encounters,
  facilities,
  labOrders,
  labResults,
  noteAddenda,
  patients,
  prescriptionItems,
  prescriptions,
  problems,
  referrals,
  screenings,
  soapNotes,
  specialties,
  users,
  vitals,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { readRecord, type RecordAccess } from "@/lib/records/access";
import { searchsetBundle } from "./bundle";
import type { ConsultationRow } from "./rows";
import { toEncounter } from "./to-encounter";
import { labResultToObservation, screeningToObservation, vitalsToObservations } from "./to-observations";
import { allergyToAllergyIntolerance, diagnosisToCondition, problemToCondition } from "./to-conditions";
import { prescriptionToMedicationRequests } from "./to-medication-requests";
import { labOrderToServiceRequest, referralToServiceRequest } from "./to-service-requests";
import { addendumToDocumentReference, attachmentToDocumentReference, soapNoteToDocumentReference } from "./to-documents";
import { toOrganization, toPatient, toPractitioner } from "./to-patient";
import type { Bundle, Reference, Resource } from "./types";

/**
 * The whole record of `patientId` as a FHIR R4 searchset Bundle (`Patient/$everything`): opened
 * and audited (`record.export_fhir`) exactly like the record's pages, in one transaction, so a
 * stranger gets not_found. Every MR ID merged into the patient's is read with it; `baseUrl` is
 * the app's origin, which fullUrls and attachment links start with.
 */
export async function patientEverything(actor: Actor, patientId: string, options: { baseUrl: string; now?: Date }): Promise<Bundle> {
  const now = options.now ?? new Date();
  return readRecord(actor, patientId, { action: "record.export_fhir" }, async (tx, access) => {
    const resources = await readResources(tx, access, options.baseUrl, now);
    const patient = resources.shift();
    if (patient?.resourceType !== "Patient") throw new Error("the patient comes first");
    return searchsetBundle({ baseUrl: options.baseUrl, patient, include: resources, now });
  });
}

async function readResources(tx: Transaction, access: RecordAccess, baseUrl: string, now: Date): Promise<Resource[]> {
  const ids = access.patientIds;
  const survivorId = access.patient.id;
  // One query per table, run together on the transaction's connection: the number of queries
  // stays the same however long the record is.
  const [
    retired,
    encounterRows,
    consultationRows,
    vitalsRows,
    noteRows,
    addendumRows,
    diagnosisRows,
    problemRows,
    allergyRows,
    prescriptionRows,
    itemRows,
    labOrderRows,
    labResultRows,
    referralRows,
    screeningRows,
    attachmentRows,
    specialtyRows,
  ] = await Promise.all([
    tx.select({ mrId: patients.mrId }).from(patients).where(and(inArray(patients.id, ids), ne(patients.id, survivorId))).orderBy(asc(patients.createdAt)),
    tx.select().from(encounters).where(inArray(encounters.patientId, ids)).orderBy(asc(encounters.startedAt)),
    tx
      .select({
        id: consultations.id,
        encounterId: consultations.encounterId,
        status: consultations.status,
        clinicianId: consultations.clinicianId,
        hostedBy: consultations.hostedBy,
        triage: consultations.triage,
        chiefComplaint: consultations.chiefComplaint,
        admittedAt: consultations.admittedAt,
        endedAt: consultations.endedAt,
      })
      .from(consultations)
      .where(inArray(consultations.patientId, ids))
      .orderBy(asc(consultations.checkedInAt)),
    tx.select().from(vitals).where(inArray(vitals.patientId, ids)).orderBy(asc(vitals.recordedAt)),
    tx.select().from(soapNotes).where(inArray(soapNotes.patientId, ids)).orderBy(asc(soapNotes.createdAt)),
    tx
      .select({ addendum: noteAddenda })
      .from(noteAddenda)
      .innerJoin(soapNotes, eq(soapNotes.id, noteAddenda.noteId))
      .where(inArray(soapNotes.patientId, ids))
      .orderBy(asc(noteAddenda.createdAt)),
    tx.select().from(diagnoses).where(inArray(diagnoses.patientId, ids)).orderBy(asc(diagnoses.recordedAt)),
    tx.select().from(problems).where(inArray(problems.patientId, ids)).orderBy(asc(problems.recordedAt)),
    tx.select().from(allergies).where(inArray(allergies.patientId, ids)).orderBy(asc(allergies.recordedAt)),
    tx.select().from(prescriptions).where(inArray(prescriptions.patientId, ids)).orderBy(asc(prescriptions.issuedAt)),
    tx
      .select({ item: prescriptionItems })
      .from(prescriptionItems)
      .innerJoin(prescriptions, eq(prescriptions.id, prescriptionItems.prescriptionId))
      .where(inArray(prescriptions.patientId, ids)),
    tx.select().from(labOrders).where(inArray(labOrders.patientId, ids)).orderBy(asc(labOrders.orderedAt)),
    tx.select().from(labResults).where(inArray(labResults.patientId, ids)).orderBy(asc(labResults.takenOn)),
    tx.select().from(referrals).where(inArray(referrals.patientId, ids)).orderBy(asc(referrals.referredAt)),
    tx.select().from(screenings).where(inArray(screenings.patientId, ids)).orderBy(asc(screenings.recordedAt)),
    // The bytes are read only to compute FHIR's SHA-1 (we store SHA-256) and never leave here.
    tx.select().from(attachments).where(inArray(attachments.patientId, ids)).orderBy(asc(attachments.uploadedAt)),
    tx.select({ code: specialties.code, nameEn: specialties.nameEn }).from(specialties),
  ]);

  const encounterOfConsultation = new Map(consultationRows.map((c) => [c.id, c.encounterId]));
  const consultationsOf = new Map<string, Pick<ConsultationRow, "status" | "clinicianId" | "hostedBy" | "triage" | "chiefComplaint" | "admittedAt" | "endedAt">[]>();
  for (const c of consultationRows) consultationsOf.set(c.encounterId, [...(consultationsOf.get(c.encounterId) ?? []), c]);
  const addendaOf = new Map<string, number>();
  for (const { addendum } of addendumRows) addendaOf.set(addendum.noteId, (addendaOf.get(addendum.noteId) ?? 0) + 1);
  const itemsOf = new Map<string, (typeof itemRows)[number]["item"][]>();
  for (const { item } of itemRows) itemsOf.set(item.prescriptionId, [...(itemsOf.get(item.prescriptionId) ?? []), item]);
  const specialtyOf = new Map(specialtyRows.map((s) => [s.code, s]));
  const noteById = new Map(noteRows.map((n) => [n.id, n]));
  const encounterOfNote = (consultationId: string) => encounterOfConsultation.get(consultationId)!;

  const resources: Resource[] = [
    toPatient(access.patient, retired.map((r) => r.mrId)),
    ...encounterRows.map((e) => toEncounter(e, consultationsOf.get(e.id) ?? [], survivorId)),
    ...diagnosisRows.map((d) => diagnosisToCondition(d, survivorId)),
    ...problemRows.map((p) => problemToCondition(p, survivorId)),
    ...allergyRows.map((a) => allergyToAllergyIntolerance(a, survivorId)),
    ...vitalsRows.flatMap((v) =>
      vitalsToObservations(v, { patientId: survivorId, encounterId: v.consultationId ? (encounterOfConsultation.get(v.consultationId) ?? null) : null }),
    ),
    ...labResultRows.map((r) => labResultToObservation(r, survivorId)),
    ...screeningRows.map((s) => screeningToObservation(s, survivorId)),
    ...prescriptionRows.flatMap((p) => prescriptionToMedicationRequests(p, itemsOf.get(p.id) ?? [], survivorId, now)),
    ...labOrderRows.map((o) => labOrderToServiceRequest(o, survivorId)),
    ...referralRows.map((r) => referralToServiceRequest(r, survivorId, r.toSpecialtyCode ? specialtyOf.get(r.toSpecialtyCode) : undefined)),
    ...noteRows.map((n) =>
      soapNoteToDocumentReference(n, { patientId: survivorId, encounterId: encounterOfNote(n.consultationId), addendumCount: addendaOf.get(n.id) ?? 0 }),
    ),
    ...addendumRows.map(({ addendum }) =>
      addendumToDocumentReference(addendum, { noteId: addendum.noteId, patientId: survivorId, encounterId: encounterOfNote(noteById.get(addendum.noteId)!.consultationId) }),
    ),
    ...attachmentRows.map(({ content, ...meta }) =>
      attachmentToDocumentReference(meta, survivorId, {
        url: `${baseUrl.replace(/\/+$/, "")}/api/attachments/${meta.id}`,
        sha1Base64: createHash("sha1").update(content).digest("base64"),
      }),
    ),
  ];
  return [...resources, ...(await referencedPeopleAndPlaces(tx, resources))];
}

/**
 * The Practitioners and Organizations the record's resources refer to, read in two queries,
 * with each reference to a person given their name. Someone who recorded something while
 * signed in as a patient (a photo they uploaded) is not a practitioner: the reference keeps
 * only their name.
 */
async function referencedPeopleAndPlaces(tx: Transaction, resources: readonly Resource[]): Promise<Resource[]> {
  const references = collectReferences(resources);
  const idsOf = (type: string) => [...new Set(references.flatMap((r) => (r.reference?.startsWith(`${type}/`) ? [r.reference.slice(type.length + 1)] : [])))];
  const userIds = idsOf("Practitioner");
  const facilityIds = idsOf("Organization");
  const [userRows, facilityRows] = await Promise.all([
    userIds.length > 0
      ? tx.select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, userIds))
      : [],
    facilityIds.length > 0
      ? tx
          .select({ id: facilities.id, name: facilities.name, kind: facilities.kind, district: districts.nameEn })
          .from(facilities)
          .innerJoin(districts, eq(districts.id, facilities.districtId))
          .where(inArray(facilities.id, facilityIds))
      : [],
  ]);
  const userById = new Map(userRows.map((u) => [u.id, u]));
  for (const reference of references) {
    if (!reference.reference?.startsWith("Practitioner/")) continue;
    const user = userById.get(reference.reference.slice("Practitioner/".length));
    if (!user) continue;
    reference.display = user.name;
    if (user.role === "patient") delete reference.reference;
  }
  return [...userRows.filter((u) => u.role !== "patient").map(toPractitioner), ...facilityRows.map(toOrganization)];
}

// Every Reference inside the resources (any object with a string `reference`), to fill in.
function collectReferences(value: unknown, out: Reference[] = []): Reference[] {
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, out);
  } else if (value && typeof value === "object") {
    if (typeof (value as Reference).reference === "string") out.push(value as Reference);
    for (const child of Object.values(value)) collectReferences(child, out);
  }
  return out;
}
