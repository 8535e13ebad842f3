import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { complaintCategories } from "@/db/enums";
import { complaintEvents, complaints, encounters, facilities, patients } from "@/db/schema";
import { clientLimitKey } from "@/lib/auth/client-address-rules";
import { consumeOtp } from "@/lib/auth/otp";
import { countAgainstLimit } from "@/lib/auth/rate-limit";
import { HOUR_MS } from "@/lib/auth/rate-limit-rules";
import type { Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, type RetryAfter } from "@/lib/errors";
import { blankAsMissing, formEnum } from "@/lib/form-fields";
import type { Locale } from "@/lib/i18n/config";
import { normalizePkMobile } from "@/lib/identifiers/identifiers";
import { accountPhoneOf } from "./account-phone";
import { queueComplaintNotice } from "./notices";
import { queueSlaCheck } from "./escalate";
import { dueAfter } from "./sla";
import { trackingNumberFor } from "./tracking-number";

/** Complaints one phone may file in a day, and one client address in an hour: enough for anyone with a grievance, too few to flood an office. */
export const COMPLAINTS_PER_PHONE_DAY = 3;
export const COMPLAINTS_PER_CLIENT_HOUR = 10;

declare module "@/lib/errors" {
  interface ErrorDetails {
    complaint_rate_limited: RetryAfter;
  }
}


export const complaintInput = z.object({
  category: formEnum(complaintCategories, "complaint_category_required"),
  facilityId: z.uuid({ error: "complaint_facility_required" }),
  encounterId: z.preprocess(blankAsMissing, z.uuid({ error: "complaint_encounter_invalid" }).optional()),
  description: z
    .string({ error: "complaint_description_short" })
    .trim()
    .min(10, "complaint_description_short")
    .max(2000, "complaint_description_long"),
  phone: z.string({ error: "phone_invalid" }).transform((value, context) => {
    const phone = normalizePkMobile(value);
    if (!phone) context.addIssue({ code: "custom", message: "phone_invalid" });
    return phone ?? "";
  }),
  code: z.string().default(""),
});

export type FiledComplaint = { id: string; trackingNumber: string; dueAt: Date };

/**
 * Anyone files a complaint about a facility, signed in or not. The phone is proven by the SMS
 * code sent to it (lib/auth/otp), or is the signed-in account's own number; a patient may link
 * one of their own visits. Filing is limited per phone and per client address. The complaint
 * gets a tracking number with a check digit and its SLA due time; in the same transaction its
 * first event, the text that tells the complainant the number, and the durable escalation check
 * at the due time are queued.
 */
export async function fileComplaint(
  input: Partial<z.input<typeof complaintInput>>,
  context: { actor: Actor | null; clientAddress: string; locale: Locale; now?: Date },
): Promise<FiledComplaint> {
  const now = context.now ?? new Date();
  const parsed = complaintInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const complaint = parsed.data;
  const account = context.actor?.role === "patient" ? context.actor : null;

  // What can be refused is checked before the code is used up, so a refusal leaves it usable.
  const [facility] = await db().select({ id: facilities.id }).from(facilities).where(eq(facilities.id, complaint.facilityId));
  if (!facility) throw new AppError("invalid", "form_invalid", { facilityId: "complaint_facility_required" });
  if (complaint.encounterId) {
    const [own] = account
      ? await db()
          .select({ id: encounters.id })
          .from(encounters)
          .innerJoin(patients, eq(patients.id, encounters.patientId))
          .where(and(eq(encounters.id, complaint.encounterId), eq(patients.accountId, account.id)))
      : [];
    if (!own) throw new AppError("invalid", "form_invalid", { encounterId: "complaint_encounter_invalid" });
  }
  if ((account ? await accountPhoneOf(account) : null) !== complaint.phone) {
    if (!complaint.code.trim()) throw new AppError("invalid", "form_invalid", { code: "complaint_code_required" });
    const proof = await consumeOtp(complaint.phone, complaint.code, context.clientAddress, { now });
    if (!proof.ok) {
      if (proof.reason === "client_limited") throw new AppError("rate_limited", "complaint_rate_limited", {}, { retryAfterSeconds: proof.retryAfterSeconds });
      throw new AppError("invalid", "form_invalid", { code: `otp_${proof.reason}` });
    }
  }

  return db().transaction(async (tx) => {
    for (const [key, limit, windowMs] of [
      [`complaint:phone:${complaint.phone}`, COMPLAINTS_PER_PHONE_DAY, 24 * HOUR_MS],
      [`complaint:client:${clientLimitKey(context.clientAddress)}`, COMPLAINTS_PER_CLIENT_HOUR, HOUR_MS],
    ] as const) {
      const place = await countAgainstLimit(tx, key, limit, windowMs, now);
      if (!place.ok) throw new AppError("rate_limited", "complaint_rate_limited", {}, { retryAfterSeconds: place.retryAfterSeconds });
    }

    const [serial] = await tx.execute<{ serial: string }>(sql`select nextval('complaint_serial') as serial`);
    const dueAt = dueAfter(complaint.category, now);
    const [filed] = await tx
      .insert(complaints)
      .values({
        trackingNumber: trackingNumberFor(Number(serial!.serial), now),
        category: complaint.category,
        facilityId: facility.id,
        encounterId: complaint.encounterId ?? null,
        description: complaint.description,
        locale: context.locale,
        phone: complaint.phone,
        accountId: account?.id ?? null,
        dueAt,
        filedAt: now,
      })
      .returning();
    const [event] = await tx.insert(complaintEvents).values({ complaintId: filed!.id, kind: "filed", actorId: account?.id ?? null, at: now }).returning();
    await queueComplaintNotice(tx, event!.id);
    await queueSlaCheck(tx, filed!.id, filed!.escalationLevel, dueAt);
    return { id: filed!.id, trackingNumber: filed!.trackingNumber, dueAt };
  });
}
