import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { complaintEvents, complaints, facilities } from "@/db/schema";
import { clientLimitKey } from "@/lib/auth/client-address-rules";
import { releaseLimit, reserveUnderLimit } from "@/lib/auth/rate-limit";
import { HOUR_MS } from "@/lib/auth/rate-limit-rules";
import { AppError, type RetryAfter } from "@/lib/errors";
import { normalizePkMobile } from "@/lib/identifiers/identifiers";
import { parseTrackingNumber } from "./tracking-number";

/** Lookups that find nothing one client address may make in an hour: tracking numbers cannot be walked. */
export const LOOKUP_MISSES_PER_CLIENT_HOUR = 20;

declare module "@/lib/errors" {
  interface ErrorDetails {
    complaint_lookup_rate_limited: RetryAfter;
  }
}

export type ComplaintStatusView = {
  trackingNumber: string;
  category: string;
  facilityName: string;
  status: string;
  escalationLevel: number;
  filedAt: Date;
  dueAt: Date;
  resolution: string | null;
  /** What happened, without who: the officers' names stay with the office. */
  history: { kind: string; at: Date; note: string | null }[];
};

/**
 * The complainant sees their complaint's status by its tracking number and the phone it was
 * filed from, without signing in. Both must match; a number with a wrong check digit is refused
 * at its field before any lookup, and misses count against the client's hourly limit.
 */
export async function lookupComplaint(trackingInput: string, phoneInput: string, clientAddress: string, now = new Date()): Promise<ComplaintStatusView | null> {
  const trackingNumber = parseTrackingNumber(trackingInput);
  const phone = normalizePkMobile(phoneInput);
  const fieldErrors = { ...(trackingNumber ? {} : { trackingNumber: "tracking_number_invalid" }), ...(phone ? {} : { phone: "phone_invalid" }) };
  if (!trackingNumber || !phone) throw new AppError("invalid", "form_invalid", fieldErrors);
  const place = await reserveUnderLimit(`complaint_lookup_miss:client:${clientLimitKey(clientAddress)}`, LOOKUP_MISSES_PER_CLIENT_HOUR, HOUR_MS, now);
  if (!place.ok) throw new AppError("rate_limited", "complaint_lookup_rate_limited", {}, { retryAfterSeconds: place.retryAfterSeconds });

  const [row] = await db()
    .select({ complaint: complaints, facilityName: facilities.name })
    .from(complaints)
    .innerJoin(facilities, eq(facilities.id, complaints.facilityId))
    .where(and(eq(complaints.trackingNumber, trackingNumber), eq(complaints.phone, phone)));
  if (!row) return null;
  await releaseLimit(place);
  const events = await db()
    .select({ kind: complaintEvents.kind, at: complaintEvents.at, note: complaintEvents.note })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, row.complaint.id))
    .orderBy(asc(complaintEvents.at));
  const { complaint } = row;
  return {
    trackingNumber: complaint.trackingNumber,
    category: complaint.category,
    facilityName: row.facilityName,
    status: complaint.status,
    escalationLevel: complaint.escalationLevel,
    filedAt: complaint.filedAt,
    dueAt: complaint.dueAt,
    resolution: complaint.resolution,
    history: events,
  };
}
