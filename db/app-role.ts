import { sql } from "drizzle-orm";
import type { Database } from "./index";

/**
 * What is wrong with the role the app connects as, one line each; none when it is safe. The
 * audit trail and signed notes are protected by privileges and triggers that hold only against
 * a role that is neither a superuser nor (a member of) the tables' owner: such a role could drop
 * a trigger or grant itself the privilege back.
 */
export async function appRoleProblems(database: Database): Promise<string[]> {
  const [row] = await database.execute<{ role: string; superuser: boolean; owner: boolean; rewrites_audit: boolean }>(sql`
    select current_user as role,
           (select rolsuper from pg_roles where rolname = current_user) as superuser,
           pg_has_role(current_user, (select relowner from pg_class where oid = 'public.audit_events'::regclass), 'USAGE') as owner,
           has_table_privilege('public.audit_events', 'UPDATE') or has_table_privilege('public.audit_events', 'DELETE') as rewrites_audit`);
  if (!row) return ["DATABASE_URL: could not read the connecting role"];
  const problems: string[] = [];
  const fix = "connect as rabta_app (or a login role granted it) and migrate with DATABASE_OWNER_URL";
  if (row.superuser) problems.push(`DATABASE_URL connects as ${row.role}, a superuser, who could rewrite the audit trail: ${fix}`);
  else if (row.owner) problems.push(`DATABASE_URL connects as ${row.role}, which owns the tables and could drop their safeguards: ${fix}`);
  else if (row.rewrites_audit) problems.push(`DATABASE_URL connects as ${row.role}, which may update or delete audit rows: ${fix}`);
  return problems;
}
