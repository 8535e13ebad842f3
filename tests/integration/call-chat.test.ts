import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { attachments, auditEvents, callMessages, consultations } from "@/db/schema";
import { acceptInvitation } from "@/lib/consult/invitations/accept-invitation";
import { consentToSpecialist } from "@/lib/consult/invitations/consent-to-specialist";
import { inviteSpecialist } from "@/lib/consult/invitations/invite-specialist";
import { roomService } from "@/lib/livekit/client";
import { listCallMessages } from "@/lib/records/call-chat/list-call-messages";
import { CALL_MESSAGE_MAX, sendCallMessage, sendCallPhoto } from "@/lib/records/call-chat/send-call-message";
import { readAttachment } from "@/lib/records/read-attachment";
import { readTimeline } from "@/lib/records/read-timeline";
import { consultationInCall, createDoctor, createUser } from "./fixtures";
import { ensureLiveKit } from "./support/livekit-server";

const notFound = { code: "not_found", messageKey: "not_found" };

let stopLiveKit: () => Promise<void> = async () => {};
beforeAll(async () => {
  stopLiveKit = await ensureLiveKit();
}, 40_000);
afterAll(() => stopLiveKit());

/** A call whose room is open on the real LiveKit server, as while its participants are in it. */
async function openCall() {
  const call = await consultationInCall();
  const [row] = await db().select({ roomName: consultations.roomName, encounterId: consultations.encounterId }).from(consultations).where(eq(consultations.id, call.consultationId));
  await roomService().createRoom({ name: row!.roomName });
  return { ...call, ...row! };
}

const photo = (width = 1200, height = 900) =>
  sharp({ create: { width, height, channels: 3, background: "#e0c0b0" } })
    .withMetadata({ exif: { IFD0: { Copyright: "GPS would be here" } } })
    .jpeg()
    .toBuffer();

describe("chat in the call", () => {
  it("keeps each message on the encounter with its sender's role, audited, and lists them in order", async () => {
    const { doctor, actor, consultationId, encounterId, roomName } = await openCall();
    const first = await sendCallMessage(actor, consultationId, { body: "  The pain is on the left side  " });
    const second = await sendCallMessage(doctor, consultationId, { body: "Since when?" });
    expect(first).toMatchObject({ senderRole: "patient", body: "The pain is on the left side", attachmentId: null });
    expect(second).toMatchObject({ senderRole: "clinician", senderName: doctor.name });

    const [row] = await db().select().from(callMessages).where(eq(callMessages.id, first.id));
    expect(row).toMatchObject({ encounterId, senderId: actor.id, senderRole: "patient" });
    const audit = await db().select({ actorId: auditEvents.actorId, purpose: auditEvents.purpose }).from(auditEvents).where(and(eq(auditEvents.entityId, first.id), eq(auditEvents.action, "call_message.send")));
    expect(audit).toEqual([{ actorId: actor.id, purpose: "own_record" }]);

    for (const reader of [actor, doctor]) {
      expect((await listCallMessages(reader, consultationId)).map((m) => m.id)).toEqual([first.id, second.id]);
    }
    await roomService().deleteRoom(roomName);
  });

  it("refuses empty and overlong messages with their codes, and strangers with not found", async () => {
    const { actor, consultationId, roomName } = await openCall();
    await expect(sendCallMessage(actor, consultationId, { body: "   " })).rejects.toMatchObject({ code: "invalid", messageKey: "message_empty" });
    await expect(sendCallMessage(actor, consultationId, { body: "x".repeat(CALL_MESSAGE_MAX + 1) })).rejects.toMatchObject({ code: "invalid", messageKey: "message_too_long" });
    await expect(sendCallMessage(actor, consultationId, { body: 42 })).rejects.toMatchObject({ code: "invalid" });
    for (const stranger of [await createUser("patient"), await createDoctor(), await createUser("rhu_staff")]) {
      await expect(sendCallMessage(stranger, consultationId, { body: "hello" })).rejects.toMatchObject(notFound);
      await expect(listCallMessages(stranger, consultationId)).rejects.toMatchObject(notFound);
    }
    expect(await db().select().from(callMessages).where(eq(callMessages.consultationId, consultationId))).toEqual([]);
    await roomService().deleteRoom(roomName);
  });

  it("stores a photo as a re-encoded attachment of the patient's record on this encounter, shown in the timeline", async () => {
    const { doctor, actor, patient, consultationId, encounterId, roomName } = await openCall();
    const message = await sendCallPhoto(actor, consultationId, new Uint8Array(await photo()));
    expect(message).toMatchObject({ senderRole: "patient", body: null, attachmentId: expect.any(String) });

    const [stored] = await db().select().from(attachments).where(eq(attachments.id, message.attachmentId!));
    expect(stored).toMatchObject({ patientId: patient.id, encounterId, kind: "photo", contentType: "image/jpeg", uploadedBy: actor.id });
    expect((await sharp(stored!.content).metadata()).exif).toBeUndefined();

    const timeline = await readTimeline(doctor, patient.id, { kinds: ["photo"] });
    expect(timeline.entries).toEqual([expect.objectContaining({ kind: "photo", id: message.attachmentId, encounterId })]);
    expect((await readAttachment(actor, message.attachmentId!)).contentType).toBe("image/jpeg");
    expect((await listCallMessages(doctor, consultationId)).map((m) => m.attachmentId)).toEqual([message.attachmentId]);

    await expect(sendCallPhoto(actor, consultationId, new TextEncoder().encode("%PDF-1.4 not a photo"))).rejects.toMatchObject({ code: "invalid", messageKey: "upload_not_image" });
    await expect(sendCallPhoto(actor, consultationId, new Uint8Array(10 * 1024 * 1024 + 1))).rejects.toMatchObject({ code: "invalid", messageKey: "upload_too_large" });
    expect((await readTimeline(doctor, patient.id, { kinds: ["photo"] })).entries).toHaveLength(1);
    await roomService().deleteRoom(roomName);
  });

  it("lets a specialist chat only after the patient let them in", async () => {
    const { doctor, actor, consultationId, roomName } = await openCall();
    const specialist = await createDoctor();
    const { setClinicianProfile } = await import("@/lib/booking/clinicians");
    await setClinicianProfile(specialist, specialist.id, { sex: "female", specialtyCode: "general", languages: ["ur"] });
    const invitation = await inviteSpecialist(doctor, consultationId, { inviteeId: specialist.id });
    await expect(listCallMessages(specialist, consultationId)).rejects.toMatchObject(notFound);
    await acceptInvitation(specialist, invitation.id);
    await expect(sendCallMessage(specialist, consultationId, { body: "Hello" })).rejects.toMatchObject({ code: "conflict", messageKey: "specialist_consent_pending" });
    await consentToSpecialist(actor, invitation.id);
    expect(await sendCallMessage(specialist, consultationId, { body: "Hello" })).toMatchObject({ senderRole: "specialist", senderName: specialist.name });
    await roomService().deleteRoom(roomName);
  });
});
