import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { consultations, recordingConsents } from "@/db/schema";
import { setClinicianProfile } from "@/lib/booking/clinicians";
import { acceptInvitation } from "@/lib/consult/invitations/accept-invitation";
import { consentToSpecialist } from "@/lib/consult/invitations/consent-to-specialist";
import { inviteSpecialist } from "@/lib/consult/invitations/invite-specialist";
import { removeParticipant } from "@/lib/consult/invitations/remove-participant";
import { recordingAllowed, recordRecordingConsent } from "@/lib/consult/recording-consent";
import { specialistIdentity } from "@/lib/consult/call-identity";
import { roomService } from "@/lib/livekit/client";
import { consultationInCall, createDoctor, createUser } from "./fixtures";
import { ensureLiveKit } from "./support/livekit-server";

let stopLiveKit: () => Promise<void> = async () => {};
beforeAll(async () => {
  stopLiveKit = await ensureLiveKit();
}, 40_000);
afterAll(() => stopLiveKit());

describe("consent to recording", () => {
  it("is allowed only while everyone admitted has a newest yes, specialists included", async () => {
    const call = await consultationInCall();
    const { doctor, actor, consultationId } = call;
    const [{ roomName }] = (await db().select({ roomName: consultations.roomName }).from(consultations).where(eq(consultations.id, consultationId))) as [{ roomName: string }];
    await roomService().createRoom({ name: roomName });

    expect(await recordingAllowed(consultationId)).toBe(false);
    expect(await recordRecordingConsent(doctor, consultationId, true)).toEqual({ allConsented: false });
    expect(await recordRecordingConsent(actor, consultationId, true)).toEqual({ allConsented: true });
    // A later no takes the yes back.
    expect(await recordRecordingConsent(actor, consultationId, false)).toEqual({ allConsented: false });
    expect(await recordRecordingConsent(actor, consultationId, true)).toEqual({ allConsented: true });
    expect(await db().select().from(recordingConsents).where(eq(recordingConsents.consultationId, consultationId))).toHaveLength(4);

    // A specialist let in must say yes too; one waiting for consent cannot answer yet.
    const specialist = await createDoctor();
    await setClinicianProfile(specialist, specialist.id, { sex: "male", specialtyCode: "general", languages: ["ur"] });
    const invitation = await inviteSpecialist(doctor, consultationId, { inviteeId: specialist.id });
    await acceptInvitation(specialist, invitation.id);
    expect(await recordingAllowed(consultationId)).toBe(true);
    await expect(recordRecordingConsent(specialist, consultationId, true)).rejects.toMatchObject({ code: "conflict", messageKey: "specialist_consent_pending" });
    await consentToSpecialist(actor, invitation.id);
    expect(await recordingAllowed(consultationId)).toBe(false);
    expect(await recordRecordingConsent(specialist, consultationId, true)).toEqual({ allConsented: true });

    // Removed, they no longer count; a stranger's answer is refused.
    await recordRecordingConsent(specialist, consultationId, false);
    expect(await recordingAllowed(consultationId)).toBe(false);
    await removeParticipant(doctor, consultationId, specialistIdentity(specialist.id, invitation.id));
    expect(await recordingAllowed(consultationId)).toBe(true);
    await expect(recordRecordingConsent(specialist, consultationId, true)).rejects.toMatchObject({ code: "not_found" });
    await expect(recordRecordingConsent(await createUser("patient"), consultationId, true)).rejects.toMatchObject({ code: "not_found" });
    await roomService().deleteRoom(roomName);
  });
});
