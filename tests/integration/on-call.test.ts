import { afterAll, describe, expect, it } from "vitest";
import { LiveHub } from "@/lib/queue/live-hub";
import type { PoolView } from "@/lib/queue/on-call";
import { createListener } from "@/lib/realtime/notify";
import { addOnCallShift, getOnCallStatus, listOnCallPool, pickUpNextOnCall, seeDoctorNow } from "@/lib/queue/on-call";
import { mintRoomToken } from "@/lib/consult/room-token";
import { createPatientAccount, createUser } from "./fixtures";

const HOUR = 60 * 60_000;

/** A shift for a need starting `fromHours` from now; needs are shared by all tests, so each test uses its own clock window. */
async function shift(need: "general" | "womens_health" | "child", fromHours: number, hours: number) {
  const admin = await createUser("admin");
  const doctor = await createUser("doctor");
  const startsAt = new Date(Date.now() + fromHours * HOUR);
  await addOnCallShift(admin, { clinicianId: doctor.id, need, startsAt, endsAt: new Date(startsAt.getTime() + hours * HOUR) });
  return doctor;
}

describe("see a doctor now", () => {
  it("queues the patient for an open need, once, and an on-call doctor picks them up into a call", async () => {
    const doctor = await shift("child", -1, 2);
    const { actor, patient } = await createPatientAccount();
    const first = await seeDoctorNow(actor, { patientId: patient.id, need: "child" });
    expect(await seeDoctorNow(actor, { patientId: patient.id, need: "child" })).toEqual(first);
    expect(await getOnCallStatus(actor, first.requestId)).toMatchObject({ status: "waiting" });

    const pool = await listOnCallPool(doctor);
    expect(pool.needs).toEqual(["child"]);
    expect(pool.waiting.map((w) => w.id)).toContain(first.requestId);

    // Earlier tests' requests may be ahead in the shared pool; pick up until ours is taken.
    let status = await getOnCallStatus(actor, first.requestId);
    while (status.status === "waiting") {
      await pickUpNextOnCall(doctor);
      status = await getOnCallStatus(actor, first.requestId);
    }
    expect(status).toMatchObject({ status: "picked_up", place: null });
    const token = await mintRoomToken(actor, status.consultationId!);
    expect(token.roomName).toBe(`consult-${status.consultationId}`);
  });

  it("says when the pool opens outside on-call hours", async () => {
    const { actor, patient } = await createPatientAccount();
    await shift("womens_health", 30 * 24, 4);
    await expect(seeDoctorNow(actor, { patientId: patient.id, need: "womens_health" })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "on_call_closed",
    });
  });

  it("lets only doctors on call pick up, and hides a request from other accounts", async () => {
    await shift("general", -1, 2);
    const offDuty = await createUser("doctor");
    await expect(pickUpNextOnCall(offDuty)).rejects.toMatchObject({ code: "conflict", messageKey: "not_on_call" });

    const { actor, patient } = await createPatientAccount();
    const { requestId } = await seeDoctorNow(actor, { patientId: patient.id, need: "general" });
    const stranger = await createPatientAccount();
    await expect(getOnCallStatus(stranger.actor, requestId)).rejects.toMatchObject({ code: "not_found" });
    await expect(seeDoctorNow(stranger.actor, { patientId: patient.id, need: "general" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("leaves the rota to admins and checks the shift's times", async () => {
    const doctor = await createUser("doctor");
    const admin = await createUser("admin");
    const now = new Date();
    await expect(addOnCallShift(doctor, { clinicianId: doctor.id, need: "general", startsAt: now, endsAt: now })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      addOnCallShift(admin, { clinicianId: doctor.id, need: "general", startsAt: now, endsAt: new Date(now.getTime() - HOUR) }),
    ).rejects.toMatchObject({ code: "invalid", fieldErrors: { endsAt: "shift_end_before_start" } });
  });

  describe("live", () => {
    const listener = createListener(process.env.DATABASE_URL!);
    const hub = new LiveHub(listener);
    afterAll(async () => {
      hub.stop();
      await listener.close();
    });

    it("streams a pool request's place, and the pick-up, to the waiting patient", async () => {
      const doctor = await shift("child", -1, 2);
      const { actor, patient } = await createPatientAccount();
      const { requestId } = await seeDoctorNow(actor, { patientId: patient.id, need: "child" });
      const seen: PoolView[] = [];
      await hub.watchPoolRequest(requestId, (view) => seen.push(view));
      await expect.poll(() => seen.at(-1)?.status, { timeout: 5_000 }).toBe("waiting");
      const firstPlace = seen.at(-1)!.place!;
      expect(firstPlace).toBe((await getOnCallStatus(actor, requestId)).place);

      // Each pick-up ahead moves the patient up; theirs turns the request into a consultation.
      while ((await getOnCallStatus(actor, requestId)).status === "waiting") await pickUpNextOnCall(doctor);
      await expect.poll(() => seen.at(-1)?.status, { timeout: 5_000 }).toBe("picked_up");
      expect(seen.at(-1)!.consultationId).toBeTruthy();
      const places = seen.filter((v) => v.status === "waiting").map((v) => v.place!);
      expect(places).toEqual([...places].sort((a, b) => b - a));
    });
  });
});
