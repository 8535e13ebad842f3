import { sql } from "drizzle-orm";
import type { Role } from "@/db/schema";
import type { AccessPurpose } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";
import { readRecord } from "./access";

/** What someone did with the record, in the words the patient reads. */
export type AccessKind = "read" | "wrote" | "verified" | "break_glass_opened" | "merged";

export type AccessLogEntry = {
  actorName: string | null;
  actorRole: Role | null;
  facility: string | null;
  kind: AccessKind;
  purpose: AccessPurpose | null;
  breakGlassReason: string | null;
  /** How many times on that day, and from when to when. */
  times: number;
  first: Date;
  last: Date;
};

/**
 * "Who opened my record": for the patient (or the household phone that manages them), every
 * read and write of their record by someone else, grouped per person, day and reason, newest
 * first; emergency (break-glass) accesses carry the reason given. The patient's own views are
 * left out: they know about those.
 */
export async function readAccessLog(actor: Actor, patientId: string): Promise<AccessLogEntry[]> {
  if (actor.role !== "patient") throw notFound();
  return readRecord(actor, patientId, { action: "record.read_access_log" }, async (tx, access) => {
    const ids = sql.join(
      access.patientIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const rows = await tx.execute<{
      actor_name: string | null;
      actor_role: Role | null;
      facility: string | null;
      kind: AccessKind;
      purpose: AccessPurpose | null;
      reason: string | null;
      times: number;
      first: string;
      last: string;
    }>(sql`
      select u.name as actor_name, a.actor_role, coalesce(pf.name, uf.name) as facility, a.kind, a.purpose, g.reason,
             count(*)::int as times, min(a.occurred_at) as first, max(a.occurred_at) as last
      from (
        -- Rows written before roles and reasons were audited (and the queue's own steps) carry
        -- neither: the role is the account's, and a step on a consultation the actor took part
        -- in was made during it.
        select e.id, e.actor_id, e.occurred_at, e.break_glass_id,
          coalesce(e.actor_role, eu.role) as actor_role,
          coalesce(e.purpose, case when e.entity_type = 'consultation' and exists (
            select 1 from consultations c
            where c.id::text = e.entity_id and (c.clinician_id = e.actor_id or c.hosted_by = e.actor_id)
          ) then 'care'::access_purpose end) as purpose,
          case
            when e.action = 'break_glass.open' then 'break_glass_opened'
            when e.action = 'patient.merge' then 'merged'
            when e.action = 'prescription.verify' then 'verified'
            when e.action like 'record.%' or e.action like '%.read' or e.action like '%.view' then 'read'
            else 'wrote'
          end as kind,
          (e.occurred_at at time zone ${CLINIC_TIME_ZONE})::date as day
        from audit_events e
        left join users eu on eu.id = e.actor_id
        where e.patient_id in (${ids}) and (e.actor_id is null or e.actor_id <> ${actor.id})
      ) a
      left join users u on u.id = a.actor_id
      left join clinician_profiles cp on cp.user_id = a.actor_id
      left join facilities pf on pf.id = cp.facility_id
      left join facilities uf on uf.id = u.facility_id
      left join break_glass_grants g on g.id = a.break_glass_id
      group by u.name, a.actor_id, a.actor_role, pf.name, uf.name, a.kind, a.purpose, g.reason, a.break_glass_id, a.day
      order by max(a.occurred_at) desc
      limit 300`);
    return rows.map((row) => ({
      actorName: row.actor_name,
      actorRole: row.actor_role,
      facility: row.facility,
      kind: row.kind,
      purpose: row.purpose,
      breakGlassReason: row.reason,
      times: row.times,
      first: new Date(row.first),
      last: new Date(row.last),
    }));
  });
}
