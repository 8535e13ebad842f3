import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { smsOutbox } from "@/db/schema";
import { devToolsEnabled, env } from "@/lib/env";
import { devSmsSender, httpSmsSender, type SmsSender } from "./senders";

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

/** The newest messages, for the development outbox page only. */
export async function listDevOutbox(limit = 50) {
  if (!devToolsEnabled()) return null;
  return db().select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(limit);
}
