import { sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf, scopeCovers } from "@/lib/district/scope";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/**
 * The member of staff, locked, if the admin answers for them: their district is the one of the
 * facility they work at (their open posting, else the facility on their account or clinician
 * profile); someone posted nowhere yet is a provincial office's to register. Patients, and
 * anyone outside the scope, are "not found".
 */
export async function lockStaffFor(tx: Transaction, actor: Actor, userId: string) {
  const scope = await districtScopeOf(actor, tx);
  if (!isUuid(userId)) throw notFound();
  const [row] = await tx.execute<{ id: string; role: string; name: string; district_id: string | null }>(sql`
    select u.id, u.role, u.name,
           (select f.district_id from facilities f
             where f.id = coalesce(
               (select p.facility_id from staff_postings p where p.user_id = u.id and p.ends_on is null order by p.starts_on desc limit 1),
               u.facility_id,
               (select cp.facility_id from clinician_profiles cp where cp.user_id = u.id))) as district_id
      from users u where u.id = ${userId} and u.role <> 'patient'
       for update of u`);
  if (!row) throw notFound();
  if (row.district_id === null ? scope.kind !== "province" : !scopeCovers(scope, row.district_id)) throw notFound();
  return { scope, staff: { id: row.id, role: row.role, name: row.name, districtId: row.district_id } };
}
