import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { userSessions, users } from "@/db/schema";
import { endSession, recordActivity, resolveSession, staffIdleMinutes, startSession } from "@/lib/auth/sessions";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { listOpenSlots } from "@/lib/booking/open-slots";
import { recordCallActivity } from "@/lib/consult/call-activity";
import { endConsultation } from "@/lib/consult/end-consultation";
import { checkIn } from "@/lib/queue/check-in";
import { patientConnected } from "@/lib/queue/presence";
import { admitNext } from "@/lib/queue/admit";
import { createDoctor, createPatientAccount, createUser, uniqueClientAddress } from "./fixtures";

const MINUTE = 60_000;
const T0 = new Date("2030-09-10T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

async function sessionRow(id: string) {
  const [row] = await db().select().from(userSessions).where(eq(userSessions.id, id));
  return row!;
}

describe("staff sessions on shared devices", () => {
  it("uses the default idle limit of 15 minutes", () => {
    expect(staffIdleMinutes()).toBe(15);
  });

  it("end after 15 minutes without activity, dated when they went idle, and stay ended", async () => {
    const staff = await createUser("rhu_staff");
    const sid = await startSession(staff.id, uniqueClientAddress(), T0);

    expect(await resolveSession(staff.id, sid, at(15 * MINUTE - 1))).toEqual({ status: "active", actor: staff, sessionId: sid, expiresAt: at(15 * MINUTE) });
    expect(await resolveSession(staff.id, sid, at(15 * MINUTE))).toEqual({ status: "ended", reason: "idle" });
    expect(await sessionRow(sid)).toMatchObject({ endedAt: at(15 * MINUTE), endReason: "idle" });

    // Activity after the end revives nothing, and the verdict does not depend on the clock any more.
    expect(await recordActivity(staff, sid, at(15 * MINUTE + 1))).toBeNull();
    expect(await resolveSession(staff.id, sid, at(1))).toEqual({ status: "ended", reason: "idle" });
  });

  it("start the idle clock again on each activity, never backwards", async () => {
    const doctor = await createUser("doctor");
    const sid = await startSession(doctor.id, uniqueClientAddress(), T0);
    expect(await recordActivity(doctor, sid, at(10 * MINUTE))).toEqual(at(25 * MINUTE));
    // A late, out-of-order ping (sent earlier, arriving now) does not pull the time back.
    expect(await recordActivity(doctor, sid, at(5 * MINUTE))).toEqual(at(25 * MINUTE));
    expect(await resolveSession(doctor.id, sid, at(25 * MINUTE - 1))).toMatchObject({ status: "active", expiresAt: at(25 * MINUTE) });
    expect(await resolveSession(doctor.id, sid, at(25 * MINUTE))).toEqual({ status: "ended", reason: "idle" });
  });

  it("do not idle patients out, nor count their activity", async () => {
    const patient = await createUser("patient");
    const sid = await startSession(patient.id, uniqueClientAddress(), T0);
    expect(await recordActivity(patient, sid, at(MINUTE))).toBeNull();
    expect(await resolveSession(patient.id, sid, at(11 * 60 * MINUTE))).toEqual({ status: "active", actor: patient, sessionId: sid, expiresAt: null });
  });

  it("end at sign-out for good, for patients and staff", async () => {
    for (const role of ["patient", "admin"] as const) {
      const user = await createUser(role);
      const sid = await startSession(user.id, uniqueClientAddress(), T0);
      await endSession(sid, at(MINUTE));
      expect(await resolveSession(user.id, sid, at(MINUTE + 1))).toEqual({ status: "ended", reason: "signed_out" });
      expect(await recordActivity(user, sid, at(MINUTE + 2))).toBeNull();
    }
  });

  it("open nothing for another user's session, a disabled account, or a token without a session", async () => {
    const doctor = await createUser("doctor");
    const other = await createUser("doctor");
    const sid = await startSession(doctor.id, uniqueClientAddress(), T0);
    expect(await resolveSession(other.id, sid, at(1))).toEqual({ status: "none" });
    expect(await recordActivity(other, sid, at(1))).toBeNull();
    expect(await resolveSession(doctor.id, undefined, at(1))).toEqual({ status: "none" });
    expect(await resolveSession(doctor.id, "not-a-uuid", at(1))).toEqual({ status: "none" });
    await db().update(users).set({ disabledAt: T0 }).where(eq(users.id, doctor.id));
    expect(await resolveSession(doctor.id, sid, at(1))).toEqual({ status: "none" });
  });
});

describe("an open call", () => {
  async function callInProgress() {
    const doctor = await createDoctor();
    const account = await createPatientAccount();
    const [slot] = await listOpenSlots(doctor.id);
    const appointment = await bookAppointment(account.actor, { patientId: account.patient.id, clinicianId: doctor.id, ...slot! });
    const { consultationId } = await checkIn(account.actor, appointment.id);
    await patientConnected(consultationId);
    await admitNext(doctor);
    return { doctor, consultationId };
  }

  it("counts as the clinician's activity while it is open, and not after", async () => {
    const { doctor, consultationId } = await callInProgress();
    const sid = await startSession(doctor.id, uniqueClientAddress(), T0);
    expect(await recordCallActivity(doctor, sid, consultationId, at(14 * MINUTE))).toEqual(at(29 * MINUTE));
    expect(await resolveSession(doctor.id, sid, at(28 * MINUTE))).toMatchObject({ status: "active" });

    await endConsultation(doctor, consultationId);
    expect(await recordCallActivity(doctor, sid, consultationId, at(20 * MINUTE))).toBeNull();
    expect(await resolveSession(doctor.id, sid, at(29 * MINUTE))).toEqual({ status: "ended", reason: "idle" });
  });

  it("is not found for anyone outside the call", async () => {
    const { consultationId } = await callInProgress();
    const stranger = await createUser("doctor");
    const sid = await startSession(stranger.id, uniqueClientAddress(), T0);
    await expect(recordCallActivity(stranger, sid, consultationId, at(MINUTE))).rejects.toMatchObject({ code: "not_found" });
    expect(await sessionRow(sid)).toMatchObject({ lastActivityAt: T0 });
  });
});
