import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { smsOutbox } from "@/db/schema";
import { devToolsEnabled, env } from "@/lib/env";
import { devSmsSender, httpSmsSender, SmsRejectedError, type SmsSender } from "./senders";

function configuredSender(): SmsSender {
  const config = env();
  if (config.SMS_PROVIDER === "http" && config.SMS_HTTP_URL) {
    return httpSmsSender(config.SMS_HTTP_URL, config.SMS_HTTP_TOKEN);
  }
  return devSmsSender;
}

/** Records the message in the outbox, then hands it to the configured gateway. */
export async function sendSms(toE164: string, body: string): Promise<void> {
  const sender = configuredSender();
  const [row] = await db()
    .insert(smsOutbox)
    .values({ toPhone: toE164, body, provider: sender.name })
    .returning({ id: smsOutbox.id });
  try {
    await sender.send(toE164, body);
    await db().update(smsOutbox).set({ status: "sent", sentAt: new Date() }).where(eq(smsOutbox.id, row!.id));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db().update(smsOutbox).set({ status: "failed", error: message }).where(eq(smsOutbox.id, row!.id));
    throw error;
  }
}

/** What became of one keyed message; see {@link sendSmsOnce}. */
export type SendOnceResult = "sent" | "already_handled" | "delivery_unknown";

/**
 * Sends a message that must reach the phone at most once, whoever calls and however often
 * (a job retried after a crash, two workers, a restart). The outbox row under `dedupeKey` is
 * the claim: only the caller whose INSERT created it, or who turned a `failed` row back to
 * `queued`, talks to the gateway. A row left `queued` means an earlier attempt may have reached
 * the gateway (it crashed, or the gateway timed out), so it is never sent again: a lost
 * reminder is the lesser harm than a patient told twice, and the stale row stays visible.
 * Throws when the gateway certainly refused the message, after marking it `failed`, so that
 * the caller's retry may claim it again; any other gateway failure answers `delivery_unknown`.
 */
export async function sendSmsOnce(dedupeKey: string, toE164: string, body: string): Promise<SendOnceResult> {
  const sender = configuredSender();
  const [inserted] = await db()
    .insert(smsOutbox)
    .values({ toPhone: toE164, body, provider: sender.name, dedupeKey })
    .onConflictDoNothing({ target: smsOutbox.dedupeKey })
    .returning({ id: smsOutbox.id });
  const claimed =
    inserted ??
    (
      await db()
        .update(smsOutbox)
        .set({ status: "queued", error: null, toPhone: toE164, body, provider: sender.name })
        .where(and(eq(smsOutbox.dedupeKey, dedupeKey), eq(smsOutbox.status, "failed")))
        .returning({ id: smsOutbox.id })
    )[0];
  if (!claimed) return "already_handled";

  try {
    await sender.send(toE164, body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SmsRejectedError) {
      await db().update(smsOutbox).set({ status: "failed", error: message }).where(eq(smsOutbox.id, claimed.id));
      throw error;
    }
    // The row stays `queued`, which no later attempt sends again.
    await db()
      .update(smsOutbox)
      .set({ error: `delivery unknown: ${message}` })
      .where(eq(smsOutbox.id, claimed.id));
    console.error(`[sms] ${dedupeKey}: delivery unknown, not retried: ${message}`);
    return "delivery_unknown";
  }
  await db().update(smsOutbox).set({ status: "sent", sentAt: new Date() }).where(eq(smsOutbox.id, claimed.id));
  return "sent";
}

/** The newest messages, for the development outbox page only. */
export async function listDevOutbox(limit = 50) {
  if (!devToolsEnabled()) return null;
  return db().select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(limit);
}
