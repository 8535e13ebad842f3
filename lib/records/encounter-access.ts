import { sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { AFTER_CALL_ACCESS_DAYS, resolveRecordAccess, type RecordAccess } from "./access";

/** The part someone plays in an encounter that lets them write to it. */
export type EncounterRole = "clinician" | "host";

export type WritableEncounter = {
  encounterId: string;
  consultationId: string;
  patientId: string;
  role: EncounterRole;
  access: RecordAccess;
};

type Row = { encounter_id: string; patient_id: string; clinician_id: string | null; hosted_by: string | null; writable: boolean };

/**
 * Locks the encounter of a consultation for a write and checks, on the locked row, that the
 * actor is one of `allowed` in it: its clinician, or the facility staff hosting it, while the
 * call is on or for AFTER_CALL_ACCESS_DAYS after it ended. Anyone else gets "not found".
 */
export async function lockEncounterForWriting(
  tx: Transaction,
  actor: Actor,
  consultationId: string,
  allowed: readonly EncounterRole[],
): Promise<WritableEncounter> {
  if (!isUuid(consultationId)) throw notFound();
  const [row] = await tx.execute<Row>(sql`
    select e.id as encounter_id, e.patient_id, c.clinician_id, c.hosted_by,
           (c.status in ('waiting', 'in_call') or c.ended_at > now() - make_interval(days => ${AFTER_CALL_ACCESS_DAYS})) as writable
    from consultations c join encounters e on e.id = c.encounter_id
    where c.id = ${consultationId}
    for update of e`);
  if (!row || !row.writable) throw notFound();
  const role: EncounterRole | null =
    row.clinician_id === actor.id && clinicianRoles.includes(actor.role) ? "clinician" : row.hosted_by === actor.id ? "host" : null;
  if (!role || !allowed.includes(role)) throw notFound();
  const access = await resolveRecordAccess(actor, row.patient_id, tx);
  return { encounterId: row.encounter_id, consultationId, patientId: row.patient_id, role, access };
}
