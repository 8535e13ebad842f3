import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { smsStatus } from "./pg-enums";

/** Every SMS we send, whatever the gateway; the dev outbox page reads it. */
export const smsOutbox = pgTable("sms_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  toPhone: text("to_phone").notNull(),
  body: text("body").notNull(),
  status: smsStatus("status").notNull().default("queued"),
  provider: text("provider").notNull(),
  // A message that must go out once (a reminder for one appointment) carries a key; the unique
  // index turns a second attempt into a no-op, across retries and worker restarts.
  dedupeKey: text("dedupe_key").unique(),
  error: text("error"),
  createdAt: createdAt(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});
