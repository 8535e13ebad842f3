import type { Transaction } from "@/db";
import { auditEvents, type Role } from "@/db/schema";
import type { accessPurposes } from "@/lib/vocabulary";

export type AccessPurpose = (typeof accessPurposes)[number];

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  patientId?: string | null;
  details?: Record<string, unknown>;
  /** For a patient's record: the opener's role and why they could open it, as at the time. */
  actorRole?: Role | null;
  purpose?: AccessPurpose | null;
  breakGlassId?: string | null;
};

/**
 * Adds an audit row inside the caller's transaction, so the change and its record commit
 * together. The table is append-only for the app's database role (migration 0010).
 */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    patientId: entry.patientId ?? null,
    details: entry.details ?? null,
    actorRole: entry.actorRole ?? null,
    purpose: entry.purpose ?? null,
    breakGlassId: entry.breakGlassId ?? null,
  });
}
