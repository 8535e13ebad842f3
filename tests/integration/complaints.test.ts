import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { complaintEvents, complaints, encounters, smsOutbox, users } from "@/db/schema";
import { requestOtp } from "@/lib/auth/otp";
import { assignComplaint } from "@/lib/complaints/assign";
import { escalateIfOverdue } from "@/lib/complaints/escalate";
import { COMPLAINTS_PER_PHONE_DAY, fileComplaint } from "@/lib/complaints/file-complaint";
import { listComplaints } from "@/lib/complaints/list";
import { lookupComplaint } from "@/lib/complaints/lookup";
import { deliverComplaintNotice } from "@/lib/complaints/notices";
import { markInProgress } from "@/lib/complaints/progress";
import { readComplaint } from "@/lib/complaints/read";
import { resolveComplaint } from "@/lib/complaints/resolve";
import { SLA_HOURS } from "@/lib/complaints/sla";
import { formatTrackingNumber, parseTrackingNumber } from "@/lib/complaints/tracking-number";
import { QUEUES } from "@/lib/jobs/queue";
import { createAdmin, createDistrict, createFacility, createPatientAccount, queuedJobs, uniqueClientAddress, uniquePhone } from "./fixtures";

const HOUR = 3_600_000;

async function lastTextTo(phone: string) {
  const [message] = await db().select().from(smsOutbox).where(eq(smsOutbox.toPhone, phone)).orderBy(desc(smsOutbox.createdAt)).limit(1);
  return message?.body ?? "";
}

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error as { code: string; messageKey: string; fieldErrors: Record<string, string> };
  }
  throw new Error("expected a refusal");
}

/** A complaint filed by an unsigned-in caller who proves the phone with the SMS code. */
async function filedByPhone(facilityId: string, options: { category?: string; now?: Date; phone?: string; client?: string } = {}) {
  const phone = options.phone ?? uniquePhone();
  const clientAddress = options.client ?? uniqueClientAddress();
  await requestOtp(phone, "ur", clientAddress, { now: options.now });
  const code = (await lastTextTo(phone)).match(/\d{6}/)![0];
  const filed = await fileComplaint(
    { category: options.category ?? "medicine_unavailable", facilityId, description: "دوا نہیں ملی، تین بار آئے", phone, code },
    { actor: null, clientAddress, locale: "ur", now: options.now },
  );
  return { ...filed, phone, clientAddress };
}

async function districtOffice() {
  const district = await createDistrict();
  const facility = await createFacility("spoke", undefined, { districtId: district.id });
  return { district, facility, admin: await createAdmin(district.id) };
}

describe("filing a complaint", () => {
  it("needs the SMS code sent to the phone, gives a tracking number with a check digit, and texts it", async () => {
    const { facility } = await districtOffice();
    const phone = uniquePhone();
    const clientAddress = uniqueClientAddress();
    const input = { category: "staff_absent", facilityId: facility.id, description: "The doctor was not there at 10 am", phone };
    expect((await refusal(fileComplaint(input, { actor: null, clientAddress, locale: "en" }))).fieldErrors).toEqual({ code: "complaint_code_required" });
    await requestOtp(phone, "en", clientAddress);
    expect((await refusal(fileComplaint({ ...input, code: "000000" }, { actor: null, clientAddress, locale: "en" }))).fieldErrors).toEqual({ code: "otp_wrong" });
    const code = (await lastTextTo(phone)).match(/\d{6}/)![0];
    const filed = await fileComplaint({ ...input, code }, { actor: null, clientAddress, locale: "en" });

    expect(parseTrackingNumber(formatTrackingNumber(filed.trackingNumber))).toBe(filed.trackingNumber);
    expect(filed.dueAt.getTime() - Date.now()).toBeGreaterThan((SLA_HOURS.staff_absent - 1) * HOUR);
    const [event] = await db().select().from(complaintEvents).innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId)).where(eq(complaints.trackingNumber, filed.trackingNumber));
    expect(event!.complaint_events.kind).toBe("filed");
    expect(await deliverComplaintNotice({ eventId: event!.complaint_events.id })).toBe("sent");
    expect(await lastTextTo(phone)).toContain(formatTrackingNumber(filed.trackingNumber));
    // The escalation check waits for the due time.
    const [check] = await queuedJobs(QUEUES.complaintSla, "complaintId", filed.id);
    expect(check!.startAfter.getTime()).toBe(filed.dueAt.getTime());
    // The code is used up: it cannot file a second complaint.
    expect((await refusal(fileComplaint({ ...input, code }, { actor: null, clientAddress, locale: "en" }))).fieldErrors).toEqual({ code: "otp_used" });
  });

  it("refuses at the field what is missing or not the complainant's, and keeps to the daily limit per phone", async () => {
    const { facility } = await districtOffice();
    const clientAddress = uniqueClientAddress();
    const refused = await refusal(fileComplaint({ category: "rudeness", facilityId: "nope", description: "short", phone: "123" }, { actor: null, clientAddress, locale: "en" }));
    expect(refused.fieldErrors).toEqual({
      category: "complaint_category_required",
      facilityId: "complaint_facility_required",
      description: "complaint_description_short",
      phone: "phone_invalid",
    });

    // A signed-in patient files with their own number without a code, and may name only their own visit.
    const account = await createPatientAccount();
    const phone = (await db().select({ phone: users.phone }).from(users).where(eq(users.id, account.actor.id)))[0]!.phone!;
    const stranger = await createPatientAccount();
    const visitOfAnother = await db().insert(encounters).values({ patientId: stranger.patient.id, kind: "rhu_visit" }).returning({ id: encounters.id });
    const base = { category: "waiting_time", facilityId: facility.id, description: "Waited four hours for the call", phone };
    expect((await refusal(fileComplaint({ ...base, encounterId: visitOfAnother[0]!.id }, { actor: account.actor, clientAddress, locale: "en" }))).fieldErrors).toEqual({
      encounterId: "complaint_encounter_invalid",
    });
    for (let n = 0; n < COMPLAINTS_PER_PHONE_DAY; n++) await fileComplaint(base, { actor: account.actor, clientAddress, locale: "en" });
    expect((await refusal(fileComplaint(base, { actor: account.actor, clientAddress, locale: "en" }))).messageKey).toBe("complaint_rate_limited");
  });
});

describe("the district office", () => {
  it("assigns, works and resolves a complaint, each step texted; another district sees nothing of it", async () => {
    const { facility, admin } = await districtOffice();
    const other = await districtOffice();
    const filed = await filedByPhone(facility.id);
    expect((await listComplaints(admin, "open")).map((c) => c.id)).toEqual([filed.id]);
    expect(await listComplaints(other.admin, "open")).toEqual([]);
    expect((await refusal(readComplaint(other.admin, filed.id))).code).toBe("not_found");
    expect((await refusal(resolveComplaint(other.admin, filed.id, { resolution: "Closed by someone else" }))).code).toBe("not_found");

    // Only an officer of this district (or the province) can be given it.
    expect((await refusal(assignComplaint(admin, filed.id, { officerId: other.admin.id }))).fieldErrors).toEqual({ officerId: "complaint_officer_invalid" });
    const officer = await createAdmin(null, "Provincial complaints officer");
    await assignComplaint(admin, filed.id, { officerId: officer.id });
    expect((await listComplaints(officer, "mine")).map((c) => c.id)).toEqual([filed.id]);
    await markInProgress(officer, filed.id, { note: "Indent sent to the district store" });
    expect((await refusal(resolveComplaint(officer, filed.id, { resolution: "ok" }))).fieldErrors).toEqual({ resolution: "complaint_resolution_required" });
    await resolveComplaint(officer, filed.id, { resolution: "Amoxicillin restocked; the patient was called back" });
    expect((await refusal(markInProgress(admin, filed.id, {}))).messageKey).toBe("complaint_already_resolved");

    const { events } = await readComplaint(admin, filed.id);
    expect(events.map((e) => e.event.kind)).toEqual(["filed", "assigned", "in_progress", "resolved"]);
    const notices = await queuedJobs(QUEUES.complaintNotice, "eventId", events.at(-1)!.event.id);
    expect(notices).toHaveLength(1);
    expect(await deliverComplaintNotice(notices[0]!.data)).toBe("sent");
    expect(await lastTextTo(filed.phone)).toContain("Amoxicillin restocked");

    // The complainant sees it by tracking number and phone; a wrong phone sees nothing.
    const status = await lookupComplaint(formatTrackingNumber(filed.trackingNumber), filed.phone, uniqueClientAddress());
    expect(status).toMatchObject({ status: "resolved", resolution: "Amoxicillin restocked; the patient was called back", facilityName: facility.name });
    expect(status!.history.map((h) => h.kind)).toEqual(["filed", "assigned", "in_progress", "resolved"]);
    expect(await lookupComplaint(filed.trackingNumber, uniquePhone(), uniqueClientAddress())).toBeNull();
    expect((await refusal(lookupComplaint("1234-56789-0", filed.phone, uniqueClientAddress()))).fieldErrors).toMatchObject({ trackingNumber: "tracking_number_invalid" });
  });
});

describe("SLA escalation", () => {
  it("escalates an open complaint past its due time once, to the next level with a new due time, and never a resolved one", async () => {
    const { facility, admin } = await districtOffice();
    const filedAt = new Date(Date.now() - 50 * HOUR);
    const overdue = await filedByPhone(facility.id, { category: "medicine_unavailable", now: filedAt });
    const onTime = await filedByPhone(facility.id, { category: "cleanliness" });
    const resolved = await filedByPhone(facility.id, { category: "staff_absent", now: new Date(Date.now() - 30 * HOUR) });
    await resolveComplaint(admin, resolved.id, { resolution: "The doctor was on leave; the roster now shows it" });

    expect((await listComplaints(admin, "overdue")).map((c) => c.id)).toEqual([overdue.id]);
    const now = new Date();
    expect(await escalateIfOverdue({ complaintId: overdue.id, level: 0 }, now)).toBe("escalated");
    // The job run twice (a retry after a crash) escalates once.
    expect(await escalateIfOverdue({ complaintId: overdue.id, level: 0 }, now)).toBe("moved_on");
    expect(await escalateIfOverdue({ complaintId: onTime.id, level: 0 }, now)).toBe("not_due");
    expect(await escalateIfOverdue({ complaintId: resolved.id, level: 0 }, now)).toBe("resolved");

    const [row] = await db().select().from(complaints).where(eq(complaints.id, overdue.id));
    expect(row).toMatchObject({ escalationLevel: 1, status: "received" });
    expect(row!.dueAt.getTime()).toBe(now.getTime() + SLA_HOURS.medicine_unavailable * HOUR);
    const checks = await queuedJobs(QUEUES.complaintSla, "complaintId", overdue.id);
    expect(checks.map((c) => [c.data.level, c.startAfter.getTime()])).toEqual([
      [0, filedAt.getTime() + SLA_HOURS.medicine_unavailable * HOUR],
      [1, row!.dueAt.getTime()],
    ]);
    const { events } = await readComplaint(admin, overdue.id);
    expect(events.map((e) => e.event.kind)).toEqual(["filed", "escalated"]);
    const [notice] = await queuedJobs(QUEUES.complaintNotice, "eventId", events[1]!.event.id);
    await deliverComplaintNotice(notice!.data);
    expect(await lastTextTo(overdue.phone)).toContain("اعلیٰ دفتر");
  });
});
