import { createHash, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { AccessToken, RoomServiceClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { consultationEvents, consultations } from "@/db/schema";
import { endConsultation } from "@/lib/consult/end-consultation";
import { checkDroppedCall, DROPPED_CALL_GRACE_MS } from "@/lib/consult/dropped-call";
import { receiveLiveKitWebhook } from "@/lib/consult/webhook";
import { env } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/queue";
import { roomIdentities } from "@/lib/livekit/client";
import { consultationInCall, queuedJobs } from "./fixtures";
import { ensureLiveKit } from "./support/livekit-server";

// The dropped-call check asks the real LiveKit who is in the room.
let stopLiveKit: () => Promise<void> = async () => {};
beforeAll(async () => {
  stopLiveKit = await ensureLiveKit();
}, 40_000);
afterAll(() => stopLiveKit());

/** A webhook as LiveKit sends it: the JSON body, and a JWT over its SHA-256 signed with the API secret. */
async function deliver(event: Record<string, unknown>) {
  const body = JSON.stringify(event);
  const token = new AccessToken(env().LIVEKIT_API_KEY, env().LIVEKIT_API_SECRET);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  await receiveLiveKitWebhook(body, await token.toJwt());
}

async function roomOf(consultationId: string) {
  const [row] = await db().select({ roomName: consultations.roomName }).from(consultations).where(eq(consultations.id, consultationId));
  return row!.roomName;
}

const epoch = (date: Date) => String(Math.floor(date.getTime() / 1000));

describe("LiveKit webhooks on a consultation", () => {
  it("records an event once however often it is delivered, and the room's duration from its first start to its finish", async () => {
    const { doctor, consultationId } = await consultationInCall();
    const room = { name: await roomOf(consultationId) };
    const started = new Date(Date.now() - 10 * 60_000);
    const restarted = new Date(started.getTime() + 4 * 60_000);
    const finished = new Date(started.getTime() + 9 * 60_000 + 30_000);
    const firstStart = { event: "room_started", id: `EV_${randomUUID()}`, room, createdAt: epoch(started) };
    await deliver(firstStart);
    await deliver(firstStart);
    // A restarted LiveKit starts the room again; the call still began at the first start.
    await deliver({ event: "room_started", id: `EV_${randomUUID()}`, room, createdAt: epoch(restarted) });
    await endConsultation(doctor, consultationId);
    const finish = { event: "room_finished", id: `EV_${randomUUID()}`, room, createdAt: epoch(finished) };
    await deliver(finish);
    await deliver(finish);

    const kinds = await db().select({ kind: consultationEvents.kind }).from(consultationEvents).where(eq(consultationEvents.consultationId, consultationId));
    expect(kinds.map((k) => k.kind).sort()).toEqual(["room_finished", "room_started", "room_started"]);
    const [row] = await db().select({ callSeconds: consultations.callSeconds }).from(consultations).where(eq(consultations.id, consultationId));
    expect(row!.callSeconds).toBe(9 * 60 + 30);
  });

  it("looks again after the grace when the patient's side leaves, once per event, and not when the doctor leaves", async () => {
    const { doctor, actor, consultationId } = await consultationInCall();
    const room = { name: await roomOf(consultationId) };
    const leftAt = new Date();
    const patientLeft = { event: "participant_left", id: `EV_${randomUUID()}`, room, participant: { identity: `patient:${actor.id}` }, createdAt: epoch(leftAt) };
    await deliver(patientLeft);
    await deliver(patientLeft);
    await deliver({ event: "participant_left", id: `EV_${randomUUID()}`, room, participant: { identity: `clinician:${doctor.id}` }, createdAt: epoch(leftAt) });

    const jobs = await queuedJobs(QUEUES.callDropped, "consultationId", consultationId);
    expect(jobs.map((j) => j.data)).toEqual([{ consultationId, identity: `patient:${actor.id}` }]);
    const expected = Math.floor(leftAt.getTime() / 1000) * 1000 + DROPPED_CALL_GRACE_MS;
    expect(Math.abs(jobs[0]!.startAfter.getTime() - expected)).toBeLessThan(1_500);
  });

  it("puts the patient back at the front when LiveKit says their side is not in the room, once", async () => {
    const { doctor, actor, consultationId } = await consultationInCall();
    const job = { consultationId, identity: `patient:${actor.id}` };
    expect(await checkDroppedCall(job)).toBe("dropped");
    expect(await checkDroppedCall(job)).toBe("over");
    const [row] = await db()
      .select({ status: consultations.status, clinicianId: consultations.clinicianId, callDroppedAt: consultations.callDroppedAt, admittedAt: consultations.admittedAt })
      .from(consultations)
      .where(eq(consultations.id, consultationId));
    expect(row).toMatchObject({ status: "waiting", clinicianId: doctor.id, admittedAt: null, callDroppedAt: expect.any(Date) });
    const audit = await db().execute(sql`select 1 from audit_events where entity_id = ${consultationId} and action = 'consultation.call_dropped'`);
    expect(audit.length).toBe(1);
  });

  it("never reads 'LiveKit did not answer' as 'nobody is in the room'", async () => {
    // A real client of a port where nothing listens: a LiveKit being restarted.
    const unreachable = new RoomServiceClient("http://127.0.0.1:9", env().LIVEKIT_API_KEY, env().LIVEKIT_API_SECRET);
    await expect(roomIdentities("consult-anything", unreachable)).rejects.toThrow();
    // A room the server does not have is empty.
    expect(await roomIdentities(`consult-${randomUUID()}`)).toEqual([]);
  });

  it("does nothing for a consultation that already ended", async () => {
    const { doctor, actor, consultationId } = await consultationInCall();
    await endConsultation(doctor, consultationId);
    expect(await checkDroppedCall({ consultationId, identity: `patient:${actor.id}` })).toBe("over");
    const audit = await db().execute(sql`select 1 from audit_events where entity_id = ${consultationId} and action = 'consultation.call_dropped'`);
    expect(audit.length).toBe(0);
  });
});
