import { and, eq } from "drizzle-orm";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, consultationInvitations, consultations, smsOutbox, specialties, users } from "@/db/schema";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { acceptInvitation } from "@/lib/consult/invitations/accept-invitation";
import { consentToSpecialist } from "@/lib/consult/invitations/consent-to-specialist";
import { declineInvitation } from "@/lib/consult/invitations/decline-invitation";
import { enforceAdmission } from "@/lib/consult/invitations/enforce-admission";
import { deliverInvitationNotice } from "@/lib/consult/invitations/invitation-notice";
import { inviteSpecialist } from "@/lib/consult/invitations/invite-specialist";
import { listInvitable } from "@/lib/consult/invitations/list-invitable";
import { listMyInvitations } from "@/lib/consult/invitations/list-my-invitations";
import { listCallGuests } from "@/lib/consult/invitations/list-participants";
import { removeParticipant } from "@/lib/consult/invitations/remove-participant";
import { mintRoomToken } from "@/lib/consult/room-token";
import { QUEUES } from "@/lib/jobs/queue";
import { roomService } from "@/lib/livekit/client";
import { registerWalkIn } from "@/lib/patients/register-walk-in";
import { admitNext } from "@/lib/queue/admit";
import { setClinicianStatus } from "@/lib/queue/clinician-status";
import { findVisibleConsultation } from "@/lib/queue/consultation-access";
import { queueWalkIn } from "@/lib/queue/walk-in";
import { readTimeline } from "@/lib/records/read-timeline";
import { consultationInCall, createDoctor, createUser, queuedJobs, uniquePhone } from "./fixtures";
import { ensureLiveKit } from "./support/livekit-server";

const notFound = { code: "not_found", messageKey: "not_found" };
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString());

let stopLiveKit: () => Promise<void> = async () => {};
beforeAll(async () => {
  stopLiveKit = await ensureLiveKit();
}, 40_000);
afterAll(() => stopLiveKit());

async function createSpecialty() {
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  const [specialty] = await db()
    .insert(specialties)
    .values({ code: `test_${letters}`, nameEn: `Cardiology ${letters}`, nameUr: `امراض قلب ${letters}` })
    .returning();
  return specialty!;
}

async function clinicianOf(specialtyCode: string, phone: string | null = null) {
  const doctor = await createDoctor();
  await setClinicianProfile(doctor, doctor.id, { sex: "male", specialtyCode, languages: ["ur"] });
  if (phone) await db().update(users).set({ phone, locale: "en" }).where(eq(users.id, doctor.id));
  return doctor;
}

/** A patient in a call with a doctor of a general specialty, and a specialty with two specialists. */
async function callWithSpecialists() {
  const general = await createSpecialty();
  const doctor = await clinicianOf(general.code);
  const call = await consultationInCall(doctor);
  const cardiology = await createSpecialty();
  const first = await clinicianOf(cardiology.code, uniquePhone());
  const second = await clinicianOf(cardiology.code, uniquePhone());
  return { ...call, cardiology, first, second };
}

describe("inviting a specialist into a call", () => {
  it("lists specialties and active clinicians, never the inviter, and only to the call's clinician", async () => {
    const { doctor, actor, consultationId, first, cardiology } = await callWithSpecialists();
    const disabled = await clinicianOf(cardiology.code);
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));

    const list = await listInvitable(doctor, consultationId, first.name);
    expect(list.clinicians).toEqual([{ id: first.id, name: first.name, specialty: cardiology.nameEn }]);
    expect((await listInvitable(doctor, consultationId, cardiology.code)).specialties).toEqual([{ code: cardiology.code, name: cardiology.nameEn }]);
    expect((await listInvitable(doctor, consultationId, doctor.name)).clinicians).toEqual([]);
    expect((await listInvitable(doctor, consultationId, disabled.name)).clinicians).toEqual([]);

    await expect(listInvitable(actor, consultationId)).rejects.toMatchObject(notFound);
    await expect(listInvitable(first, consultationId)).rejects.toMatchObject(notFound);
    await expect(inviteSpecialist(first, consultationId, { specialtyCode: cardiology.code })).rejects.toMatchObject(notFound);
    await expect(inviteSpecialist(doctor, consultationId, { inviteeId: doctor.id })).rejects.toMatchObject({ code: "invalid", fieldErrors: { inviteeId: "clinician_required" } });
    await expect(inviteSpecialist(doctor, consultationId, {})).rejects.toMatchObject({ code: "invalid" });
  });

  it("shows a specialty's invitation to each of its clinicians and texts them; the first to accept takes it", async () => {
    const { doctor, actor, patient, consultationId, cardiology, first, second } = await callWithSpecialists();
    const invitation = await inviteSpecialist(doctor, consultationId, { specialtyCode: cardiology.code, reason: "Murmur on auscultation" });

    for (const specialist of [first, second]) {
      expect(await listMyInvitations(specialist)).toEqual([
        expect.objectContaining({ id: invitation.id, consultationId, status: "pending", reason: "Murmur on auscultation", invitedByName: doctor.name }),
      ]);
    }
    expect(await listMyInvitations(doctor)).toEqual([]);

    // The text is a durable job committed with the invitation; the worker sends one per specialist.
    expect((await queuedJobs(QUEUES.invitationNotice, "invitationId", invitation.id)).length).toBe(1);
    expect(await deliverInvitationNotice({ invitationId: invitation.id })).toBe(2);
    expect(await deliverInvitationNotice({ invitationId: invitation.id })).toBe(0);
    const texts = await db().select({ to: smsOutbox.toPhone, body: smsOutbox.body }).from(smsOutbox).where(eq(smsOutbox.dedupeKey, `invitation:${invitation.id}:${first.id}`));
    expect(texts).toEqual([{ to: (await db().select({ phone: users.phone }).from(users).where(eq(users.id, first.id)))[0]!.phone, body: expect.stringContaining(doctor.name) }]);

    // Before accepting, a specialist is no one in the consultation.
    await expect(findVisibleConsultation(first, consultationId)).rejects.toMatchObject(notFound);
    await expect(readTimeline(first, patient.id)).rejects.toMatchObject(notFound);

    const results = await Promise.allSettled([acceptInvitation(first, invitation.id), acceptInvitation(second, invitation.id)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.reason)).toMatchObject([{ code: "conflict", messageKey: "invitation_answered" }]);
    const [row] = await db().select().from(consultationInvitations).where(eq(consultationInvitations.id, invitation.id));
    const winner = row!.inviteeId === first.id ? first : second;
    const loser = winner === first ? second : first;
    expect(row).toMatchObject({ status: "accepted", consentedAt: null });
    expect(await listMyInvitations(loser)).toEqual([]);

    // The specialist now sees the consultation and the patient's record, for care; the other does not.
    expect((await findVisibleConsultation(winner, consultationId)).viewerRole).toBe("specialist");
    expect((await readTimeline(winner, patient.id)).purpose).toBe("care");
    await expect(findVisibleConsultation(loser, consultationId)).rejects.toMatchObject(notFound);
    await expect(acceptInvitation(actor, invitation.id)).rejects.toMatchObject(notFound);
  });

  it("mints the specialist a token of their invitation that withholds media until the patient consents", async () => {
    const { doctor, actor, consultationId, first, second } = await callWithSpecialists();
    const invitation = await inviteSpecialist(doctor, consultationId, { inviteeId: first.id });
    await expect(acceptInvitation(second, invitation.id)).rejects.toMatchObject(notFound);
    await expect(mintRoomToken(first, consultationId)).rejects.toMatchObject(notFound);
    await acceptInvitation(first, invitation.id);

    const before = await mintRoomToken(first, consultationId);
    expect(before.identity).toBe(`specialist:${first.id}:${invitation.id}`);
    expect(claims(before.token)).toMatchObject({
      sub: before.identity,
      video: { room: before.roomName, roomJoin: true, canPublish: false, canSubscribe: false, canPublishData: false, roomAdmin: false },
    });
    expect(JSON.parse(claims(before.token).metadata)).toEqual({ role: "specialist", name: first.name, specialty: expect.stringMatching(/^Cardiology/) });

    // Only the patient's side consents: the doctor, the specialist and a stranger get "not found".
    for (const someone of [doctor, first, await createUser("patient")]) {
      await expect(consentToSpecialist(someone, invitation.id)).rejects.toMatchObject(notFound);
    }
    await consentToSpecialist(actor, invitation.id);
    const [row] = await db().select().from(consultationInvitations).where(eq(consultationInvitations.id, invitation.id));
    expect(row).toMatchObject({ consentedBy: actor.id });
    expect(row!.consentedAt).toBeInstanceOf(Date);
    const audits = await db().select({ actorId: auditEvents.actorId }).from(auditEvents).where(and(eq(auditEvents.entityId, invitation.id), eq(auditEvents.action, "invitation.consent")));
    expect(audits).toEqual([{ actorId: actor.id }]);

    const after = await mintRoomToken(first, consultationId);
    expect(claims(after.token).video).toMatchObject({ canPublish: true, canSubscribe: true, canPublishData: true, roomAdmin: false });
    expect((await listCallGuests(actor, consultationId)).guests).toEqual([
      expect.objectContaining({ invitationId: invitation.id, identity: after.identity, name: first.name, consented: true }),
    ]);
  });

  it("lets the host of a facility visit consent for the patient beside them", async () => {
    const general = await createSpecialty();
    const doctor = await clinicianOf(general.code);
    await setClinicianStatus(doctor, "online");
    const host = await createUser("rhu_staff");
    const patient = await registerWalkIn(host, { fullName: "Bilal Ahmed", sex: "male", dateOfBirth: "1980-06-01" });
    const { consultationId } = await queueWalkIn(host, { patientId: patient.id, target: `specialty:${general.code}`, triage: "routine", chiefComplaint: "Chest pain" });
    expect((await admitNext(doctor)).consultationId).toBe(consultationId);

    const cardiology = await createSpecialty();
    const specialist = await clinicianOf(cardiology.code);
    const invitation = await inviteSpecialist(doctor, consultationId, { specialtyCode: cardiology.code });
    await acceptInvitation(specialist, invitation.id);
    await expect(consentToSpecialist(await createUser("rhu_staff"), invitation.id)).rejects.toMatchObject(notFound);
    await consentToSpecialist(host, invitation.id);
    expect((await db().select().from(consultationInvitations).where(eq(consultationInvitations.id, invitation.id)))[0]).toMatchObject({ consentedBy: host.id });
  });

  it("declines: the invitation leaves every queue page and can no longer be accepted", async () => {
    const { doctor, consultationId, cardiology, first, second } = await callWithSpecialists();
    const invitation = await inviteSpecialist(doctor, consultationId, { specialtyCode: cardiology.code });
    await declineInvitation(first, invitation.id);
    expect(await listMyInvitations(second)).toEqual([]);
    await expect(acceptInvitation(second, invitation.id)).rejects.toMatchObject({ code: "conflict", messageKey: "invitation_answered" });
    expect(await deliverInvitationNotice({ invitationId: invitation.id })).toBe(0);
  });
});

describe("removing a specialist, for good", () => {
  it("marks the invitation removed, mints no new token, and throws the old identity out whenever it rejoins", async () => {
    const { doctor, actor, patient, consultationId, first } = await callWithSpecialists();
    const invitation = await inviteSpecialist(doctor, consultationId, { inviteeId: first.id });
    await acceptInvitation(first, invitation.id);
    await consentToSpecialist(actor, invitation.id);
    const { identity, roomName } = await mintRoomToken(first, consultationId);
    // The room exists on the real LiveKit server, as it does while the call runs.
    await roomService().createRoom({ name: roomName });
    const joined = (who: string) => ({ event: "participant_joined", room: { name: roomName }, participant: { identity: who, metadata: "{}" } }) as never;

    // Admitted; LiveKit's own answer says they are not connected right now (no browser here:
    // e2e/specialist.spec.ts joins for real), so there is no one to grant.
    expect(await enforceAdmission(joined(identity))).toBe("gone");
    expect(await enforceAdmission(joined(`clinician:${doctor.id}`))).toBe("admitted");
    expect(await enforceAdmission(joined(`patient:${actor.id}`))).toBe("admitted");

    // Only the call's clinician removes, and only invited guests.
    await expect(removeParticipant(first, consultationId, identity)).rejects.toMatchObject(notFound);
    await expect(removeParticipant(actor, consultationId, identity)).rejects.toMatchObject(notFound);
    await expect(removeParticipant(doctor, consultationId, `patient:${actor.id}`)).rejects.toMatchObject({ code: "invalid", messageKey: "participant_not_removable" });
    await removeParticipant(doctor, consultationId, identity);

    const [row] = await db().select().from(consultationInvitations).where(eq(consultationInvitations.id, invitation.id));
    expect(row).toMatchObject({ status: "removed", removedBy: doctor.id });
    await expect(mintRoomToken(first, consultationId)).rejects.toMatchObject(notFound);
    await expect(readTimeline(first, patient.id)).rejects.toMatchObject(notFound);
    expect(await enforceAdmission(joined(identity))).toBe("expelled");
    // Accepting again, or being re-invited under the old identity, does not bring the old token back.
    await expect(acceptInvitation(first, invitation.id)).rejects.toMatchObject({ code: "conflict" });
    // Identities the database does not admit are thrown out too; other rooms are left alone.
    expect(await enforceAdmission(joined(`clinician:${first.id}`))).toBe("expelled");
    expect(await enforceAdmission(joined("someone-else"))).toBe("expelled");
    expect(await enforceAdmission({ event: "participant_joined", room: { name: "not-a-consultation" }, participant: { identity } } as never)).toBe("ignored");

    // A token signed for the removed identity is still valid to LiveKit (self-hosted LiveKit
    // does not revoke it): that is why admission is decided by the database.
    const forged = new AccessToken(process.env.LIVEKIT_API_KEY, process.env.LIVEKIT_API_SECRET, { identity });
    forged.addGrant({ room: roomName, roomJoin: true });
    expect(await forged.toJwt()).toMatch(/^ey/);
    await roomService().deleteRoom(roomName);
  });

  it("admits a specialist waiting for consent (to be kept without media) and no one once the call ends", async () => {
    const { doctor, consultationId, first } = await callWithSpecialists();
    const invitation = await inviteSpecialist(doctor, consultationId, { inviteeId: first.id });
    await acceptInvitation(first, invitation.id);
    const { identity, roomName } = await mintRoomToken(first, consultationId);
    await roomService().createRoom({ name: roomName });
    const joined = { event: "participant_joined", room: { name: roomName }, participant: { identity, metadata: JSON.stringify({ name: first.name }) } } as never;
    expect(await enforceAdmission(joined)).toBe("gone");
    await db().update(consultations).set({ status: "completed", endedAt: new Date() }).where(eq(consultations.id, consultationId));
    expect(await enforceAdmission(joined)).toBe("expelled");
    await roomService().deleteRoom(roomName);
  });
});
