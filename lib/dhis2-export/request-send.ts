import { db } from "@/db";
import { dhis2Sends } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf, facilityInScope } from "@/lib/district/scope";
import { AppError } from "@/lib/errors";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { dhis2Connection } from "./connection";
import { previewOfFacility, reportingPeriod } from "./preview";

/**
 * The district office sends one facility's figures for one period to DHIS2 (or, with `dryRun`,
 * has DHIS2 check them and store nothing). The figures are computed now, on the locked facility
 * row, and kept with the send; the send row, its job and the audit row commit together, so a
 * request is never lost and never sent without a record. The job (deliver-send.ts) does the
 * sending, retrying while DHIS2 is down. Refused while no DHIS2 is configured.
 */
export async function requestDhis2Send(actor: Actor, facilityId: string, periodId: string, options: { dryRun: boolean }, now = new Date()) {
  return db().transaction(async (tx) => {
    const scope = await districtScopeOf(actor, tx);
    const facility = await facilityInScope(tx, scope, facilityId, { lock: true });
    if (!dhis2Connection()) throw new AppError("conflict", "dhis2_not_configured");
    const preview = await previewOfFacility(tx, facility, reportingPeriod(periodId, now));
    const [send] = await tx
      .insert(dhis2Sends)
      .values({
        facilityId: facility.id,
        periodId: preview.period.id,
        orgUnitCode: preview.facility.orgUnitCode,
        dryRun: options.dryRun,
        payload: preview.body,
        requestedBy: actor.id,
        requestedAt: now,
      })
      .returning();
    await enqueueInTransaction(tx, [{ name: QUEUES.dhis2Send, data: { sendId: send!.id } }]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: options.dryRun ? "dhis2.dry_run_requested" : "dhis2.send_requested",
      entityType: "dhis2_send",
      entityId: send!.id,
      details: { facilityId: facility.id, period: preview.period.id, orgUnit: preview.facility.orgUnitCode },
    });
    return send!;
  });
}
