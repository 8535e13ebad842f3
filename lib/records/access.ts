import { sql } from "drizzle-orm";
import { db, type DbOrTx, type Transaction } from "@/db";
import type { Patient } from "@/db/schema";
import { recordAudit, type AccessPurpose } from "@/lib/audit/record-audit";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/**
 * How long after it began an encounter still lets its clinicians and hosts open the record,
 * and how long after a call ended: long enough to finish the note, read the lab result that
 * came back, answer the pharmacy. After that a new encounter (or break-glass) is needed.
 */
export const ENCOUNTER_ACCESS_DAYS = 30;
export const AFTER_CALL_ACCESS_DAYS = 7;

/** Who may ask for break-glass access: clinicians and facility staff, never patients or admins. */
export const breakGlassRoles: readonly Actor["role"][] = [...clinicianRoles, "rhu_staff"];

/** A record the actor may open, and why; every read or write through it is audited with this. */
export type RecordAccess = {
  /** The MR ID's patient (after a merge, the survivor). */
  patient: Pick<Patient, "id" | "mrId" | "fullName" | "sex" | "dateOfBirth" | "cnic" | "phone" | "accountId">;
  /** The survivor and every MR ID merged into it: the record is theirs together. */
  patientIds: string[];
  purpose: AccessPurpose;
  breakGlassId: string | null;
};

type AccessRow = {
  id: string;
  mr_id: string;
  full_name: string;
  sex: Patient["sex"];
  date_of_birth: string;
  cnic: string | null;
  phone: string | null;
  account_id: string | null;
  relation: Patient["relation"];
  patient_ids: string[];
  in_care: boolean;
  break_glass_id: string | null;
};

/**
 * Decides whether the actor may open the record of `patientId` (a retired MR ID's patient
 * resolves to its survivor), in one query: the patient's own account or the household phone
 * that manages them; a clinician or host of a current encounter (see ENCOUNTER_ACCESS_DAYS), or a
 * specialist of an accepted invitation while its call is on;
 * otherwise only an unexpired break-glass grant. Anyone else gets "not found", so that they
 * cannot learn whether the patient exists.
 */
export async function resolveRecordAccess(actor: Actor, patientId: string, database: DbOrTx = db()): Promise<RecordAccess> {
  if (!isUuid(patientId)) throw notFound();
  const rows = await database.execute<AccessRow>(sql`
    with recursive survivor as (
      select p.* from patients p where p.id = ${patientId}
      union all
      select p.* from patients p join survivor s on p.id = s.merged_into_id
    ), top as (
      select * from survivor where merged_into_id is null limit 1
    ), members as (
      select id from top
      union
      select p.id from patients p join members m on p.merged_into_id = m.id
    )
    select top.id, top.mr_id, top.full_name, top.sex, top.date_of_birth::text as date_of_birth, top.cnic, top.phone,
           top.account_id, top.relation,
           (select array_agg(id::text) from members) as patient_ids,
           exists (
             select 1 from encounters e
             left join consultations c on c.encounter_id = e.id
             where e.patient_id in (select id from members)
               and e.started_at > now() - make_interval(days => ${ENCOUNTER_ACCESS_DAYS})
               and (
                 (c.id is not null and (c.clinician_id = ${actor.id} or c.hosted_by = ${actor.id})
                   and (c.status in ('waiting', 'in_call') or c.ended_at > now() - make_interval(days => ${AFTER_CALL_ACCESS_DAYS})))
                 or (c.id is null and e.created_by = ${actor.id})
                 -- A specialist invited into the call, accepted and not removed, while it is on.
                 or (c.status = 'in_call' and exists (
                   select 1 from consultation_invitations i
                   where i.consultation_id = c.id and i.invitee_id = ${actor.id} and i.status = 'accepted'))
               )
           ) as in_care,
           (select g.id from break_glass_grants g
             where g.actor_id = ${actor.id} and g.patient_id = top.id and g.expires_at > now()
             order by g.expires_at desc limit 1) as break_glass_id
    from top`);
  const row = rows[0];
  if (!row) throw notFound();
  const purpose = purposeFor(actor, row);
  if (!purpose) throw notFound();
  return {
    patient: {
      id: row.id,
      mrId: row.mr_id,
      fullName: row.full_name,
      sex: row.sex,
      dateOfBirth: row.date_of_birth,
      cnic: row.cnic,
      phone: row.phone,
      accountId: row.account_id,
    },
    patientIds: row.patient_ids,
    purpose,
    breakGlassId: purpose === "break_glass" ? row.break_glass_id : null,
  };
}

function purposeFor(actor: Actor, row: AccessRow): AccessPurpose | null {
  if (actor.role === "patient") {
    if (row.account_id !== actor.id) return null;
    return row.relation === "self" ? "own_record" : "household";
  }
  if (actor.role === "admin") return null;
  if (row.in_care) return "care";
  if (row.break_glass_id && breakGlassRoles.includes(actor.role)) return "break_glass";
  return null;
}

/**
 * Audits one read or write of the record inside the caller's transaction, with the opener's
 * role and the reason they could open it.
 */
export async function auditRecord(
  tx: Transaction,
  actor: Actor,
  access: RecordAccess,
  entry: { action: string; entityType: string; entityId: string; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(tx, {
    ...entry,
    actorId: actor.id,
    actorRole: actor.role,
    patientId: access.patient.id,
    purpose: access.purpose,
    breakGlassId: access.breakGlassId,
  });
}

/**
 * Opens the record, reads what `read` reads and audits it, all in one transaction: a read that
 * could not be audited is not served.
 */
export async function readRecord<T>(
  actor: Actor,
  patientId: string,
  audit: { action: string; entityType?: string; entityId?: string; details?: Record<string, unknown> },
  read: (tx: Transaction, access: RecordAccess) => Promise<T>,
): Promise<T> {
  return db().transaction(async (tx) => {
    const access = await resolveRecordAccess(actor, patientId, tx);
    const result = await read(tx, access);
    await auditRecord(tx, actor, access, {
      action: audit.action,
      entityType: audit.entityType ?? "patient",
      entityId: audit.entityId ?? access.patient.id,
      details: audit.details,
    });
    return result;
  });
}
