import type { Transaction } from "@/db";
import { auditEvents } from "@/db/schema";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  patientId?: string | null;
  details?: Record<string, unknown>;
};

/** Adds an audit row inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    patientId: entry.patientId ?? null,
    details: entry.details ?? null,
  });
}
