import { TrackSource } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { roomGrantFor } from "./grants";

describe("roomGrantFor", () => {
  it("lets a clinician administer only their consultation's room, and share a screen", () => {
    const grant = roomGrantFor("clinician", "consult-1");
    expect(grant).toMatchObject({ room: "consult-1", roomJoin: true, roomAdmin: true, roomList: false });
    expect(grant.canPublishSources).toEqual([TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE]);
  });

  it("never gives a patient or a host room-admin or screen share", () => {
    for (const role of ["patient", "host"] as const) {
      const grant = roomGrantFor(role, "consult-1");
      expect(grant.roomAdmin, role).toBe(false);
      expect(grant.roomCreate, role).toBe(false);
      expect(grant, role).toMatchObject({ room: "consult-1", canPublish: true, canSubscribe: true });
      expect(grant.canPublishSources, role).toEqual([TrackSource.CAMERA, TrackSource.MICROPHONE]);
    }
  });

  it("lets a specialist share a screen but not administer the room", () => {
    const grant = roomGrantFor("specialist", "consult-1");
    expect(grant.roomAdmin).toBe(false);
    expect(grant.canPublishSources).toContain(TrackSource.SCREEN_SHARE);
  });

  it("lets everyone set their own attributes, so the other side hears of an audio-only switch", () => {
    for (const role of ["patient", "host", "clinician", "specialist"] as const) {
      expect(roomGrantFor(role, "consult-1").canUpdateOwnMetadata, role).toBe(true);
    }
  });
});
