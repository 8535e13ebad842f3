import { complaintCategories } from "@/db/enums";

/** What a complaint can be about, in the order the form offers them. */
export { complaintCategories };
export type ComplaintCategory = (typeof complaintCategories)[number];

/**
 * Hours the district office has to resolve a complaint of each category before it is escalated.
 * Staff missing from a facility is checked the same day; a medicine out of stock within two days;
 * a charge asked for free care and rudeness within three; the rest within five.
 */
export const SLA_HOURS: Record<ComplaintCategory, number> = {
  staff_absent: 24,
  medicine_unavailable: 48,
  illegal_charges: 72,
  staff_behaviour: 72,
  waiting_time: 72,
  call_quality: 120,
  cleanliness: 120,
  other: 120,
};

/** The highest level: 0 is the district office, 1 the provincial office, 2 the provincial secretary's desk. */
export const MAX_ESCALATION_LEVEL = 2;

/** When a complaint filed (or escalated) at `from` is due: the category's SLA later. */
export function dueAfter(category: ComplaintCategory, from: Date): Date {
  return new Date(from.getTime() + SLA_HOURS[category] * 3_600_000);
}

/** Whether an open complaint is past its due time. */
export function isOverdue(complaint: { status: string; dueAt: Date }, now: Date): boolean {
  return complaint.status !== "resolved" && complaint.dueAt.getTime() <= now.getTime();
}
