import { describe, expect, it } from "vitest";
import { roomGrantFor } from "./grants";

describe("roomGrantFor", () => {
  it("lets a clinician administer only their consultation's room", () => {
    const grant = roomGrantFor(true, "consult-1");
    expect(grant).toMatchObject({ room: "consult-1", roomJoin: true, roomAdmin: true, roomList: false });
  });

  it("never gives a patient room-admin", () => {
    const grant = roomGrantFor(false, "consult-1");
    expect(grant.roomAdmin).toBe(false);
    expect(grant.roomCreate).toBe(false);
    expect(grant).toMatchObject({ room: "consult-1", canPublish: true, canSubscribe: true });
  });
});
