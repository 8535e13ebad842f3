import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { patients, type Patient } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { staffRoles, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { parseMrId } from "@/lib/mrid/mrid";
import { normalizeCnic, normalizePkMobile } from "@/lib/identifiers/identifiers";


/**
 * The patients a phone account manages: the account holder first, then family members in the
 * order they were added. Patient pages take the first as the one to show and book for by default.
 */
export async function listAccountPatients(actor: Actor): Promise<Patient[]> {
  if (actor.role !== "patient") return [];
  return db()
    .select()
    .from(patients)
    .where(and(eq(patients.accountId, actor.id), isNull(patients.mergedIntoId)))
    .orderBy(sql`${patients.relation} = 'self' desc nulls last`, asc(patients.createdAt), asc(patients.id));
}

/**
 * Staff look a patient up by MR ID, CNIC or mobile number. The query is recognised by its
 * shape; a mistyped MR ID is rejected by its check digit before any lookup.
 */
export async function findPatients(actor: Actor, query: string): Promise<Patient[]> {
  if (!staffRoles.includes(actor.role)) throw notFound();
  const mr = parseMrId(query);
  const cnic = normalizeCnic(query);
  const phone = normalizePkMobile(query);
  if (!mr.ok && !cnic && !phone) {
    const key = mr.reason === "check_digit" ? "mrid_check_digit" : "lookup_invalid";
    throw new AppError("invalid", key, { query: key });
  }
  const conditions = [
    mr.ok ? eq(patients.mrId, mr.mrId) : undefined,
    cnic ? eq(patients.cnic, cnic) : undefined,
    phone ? eq(patients.phone, phone) : undefined,
  ].filter((c) => c !== undefined);
  return db().transaction(async (tx) => {
    const matched = await tx.select().from(patients).where(or(...conditions)).limit(20);
    // A retired MR ID (merged into another) answers with the patient it was merged into.
    const survivorIds = matched.flatMap((p) => (p.mergedIntoId ? [p.mergedIntoId] : []));
    const survivors = survivorIds.length > 0 ? await tx.select().from(patients).where(inArray(patients.id, survivorIds)) : [];
    const found = [...new Map([...matched.filter((p) => !p.mergedIntoId), ...survivors].map((p) => [p.id, p])).values()];
    for (const patient of found) {
      await recordAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: "patient.lookup",
        entityType: "patient",
        entityId: patient.id,
        patientId: patient.id,
      });
    }
    return found;
  });
}

/** One patient for clinic staff (booking on their behalf), audited like a lookup. */
export async function getPatientForStaff(actor: Actor, patientId: string): Promise<Patient> {
  if (!staffRoles.includes(actor.role) || !/^[0-9a-f-]{36}$/i.test(patientId)) throw notFound();
  return db().transaction(async (tx) => {
    const [patient] = await tx.select().from(patients).where(eq(patients.id, patientId));
    if (!patient) throw notFound();
    await recordAudit(tx, { actorId: actor.id, action: "patient.open", entityType: "patient", entityId: patient.id, patientId: patient.id });
    return patient;
  });
}

/**
 * A staff search as a lookup page shows it: no query gives no results (null), a query that is no
 * MR ID, CNIC or phone gives the message key to show at the search field.
 */
export async function lookUpPatients(actor: Actor, query: string): Promise<{ results: Patient[] | null; error?: string }> {
  if (!query) return { results: null };
  try {
    return { results: await findPatients(actor, query) };
  } catch (caught) {
    if (!(caught instanceof AppError) || caught.code !== "invalid") throw caught;
    return { results: null, error: caught.messageKey };
  }
}
