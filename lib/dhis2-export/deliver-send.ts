import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { dhis2Sends } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendDataValueSet, type Dhis2SendResult } from "@/lib/dhis2/client";
import type { Dhis2DataValueSet } from "@/lib/dhis2/data-value-set";
import { attemptsOf, QUEUES } from "@/lib/jobs/queue";
import type { dhis2SendStatuses } from "@/lib/vocabulary";
import { dhis2Connection } from "./connection";

/** The payload of one `dhis2-send` job: the send row it delivers. */
export const dhis2SendJob = z.object({ sendId: z.uuid() });

type Status = (typeof dhis2SendStatuses)[number];

function outcomeOf(result: Dhis2SendResult): { status: Status; httpStatus: number | null; lastError: string | null; summary: unknown } {
  if (result.kind === "rejected") return { status: "rejected", httpStatus: result.httpStatus, lastError: result.message, summary: null };
  const { summary } = result;
  // 409 WARNING is a partial import with its conflicts to show; 409 ERROR took nothing in.
  const status: Status = summary.status === "SUCCESS" ? "imported" : summary.status === "WARNING" ? "partial" : "rejected";
  return { status, httpStatus: null, lastError: summary.status === "ERROR" ? (summary.description ?? "DHIS2 imported none of the values") : null, summary };
}

/**
 * The worker side of a send: posts the stored body to the configured DHIS2 and records what
 * DHIS2 made of it (imported, partial with conflicts, or rejected), audited in the same
 * transaction. When DHIS2 cannot be reached or answers 5xx, the attempt and its error are
 * recorded and the error is rethrown so pg-boss tries again later; the last attempt marks the
 * send failed. A send already finished is left alone, so a job run twice sends once.
 */
export async function deliverDhis2Send(payload: unknown): Promise<Status> {
  const { sendId } = dhis2SendJob.parse(payload);
  const [send] = await db().select().from(dhis2Sends).where(eq(dhis2Sends.id, sendId));
  if (!send || send.status !== "queued") return send?.status ?? "failed";
  const attempts = send.attempts + 1;
  const connection = dhis2Connection();
  if (!connection) {
    await finish(sendId, { status: "failed", httpStatus: null, lastError: "DHIS2 is not configured (DHIS2_BASE_URL)", summary: null, attempts });
    return "failed";
  }
  let result: Dhis2SendResult;
  try {
    result = await sendDataValueSet(connection, send.payload as Dhis2DataValueSet, { dryRun: send.dryRun });
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    if (attempts >= attemptsOf(QUEUES.dhis2Send)) {
      await finish(sendId, { status: "failed", httpStatus: null, lastError, summary: null, attempts });
    } else {
      await db()
        .update(dhis2Sends)
        .set({ attempts, lastError })
        .where(and(eq(dhis2Sends.id, sendId), eq(dhis2Sends.status, "queued")));
    }
    throw error;
  }
  const outcome = outcomeOf(result);
  await finish(sendId, { ...outcome, attempts });
  return outcome.status;
}

async function finish(sendId: string, outcome: ReturnType<typeof outcomeOf> & { attempts: number }): Promise<void> {
  await db().transaction(async (tx) => {
    const [done] = await tx
      .update(dhis2Sends)
      .set({ ...outcome, finishedAt: new Date() })
      .where(and(eq(dhis2Sends.id, sendId), eq(dhis2Sends.status, "queued")))
      .returning({ id: dhis2Sends.id, facilityId: dhis2Sends.facilityId, periodId: dhis2Sends.periodId });
    if (!done) return;
    await recordAudit(tx, {
      actorId: null,
      action: "dhis2.send_finished",
      entityType: "dhis2_send",
      entityId: done.id,
      details: { facilityId: done.facilityId, period: done.periodId, status: outcome.status, attempts: outcome.attempts },
    });
  });
}
