import { describe, expect, it } from "vitest";
import { parseCallIdentity, specialistGrant, specialistIdentity } from "./call-identity";

const user = "3f1e2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b";
const invitation = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

describe("call identities", () => {
  it("reads the identities the app mints, one per specialist invitation", () => {
    expect(parseCallIdentity(`patient:${user}`)).toEqual({ role: "patient", userId: user, invitationId: null });
    expect(parseCallIdentity(`clinician:${user.toUpperCase()}`)).toEqual({ role: "clinician", userId: user, invitationId: null });
    expect(parseCallIdentity(specialistIdentity(user, invitation))).toEqual({ role: "specialist", userId: user, invitationId: invitation });
  });

  it("admits nothing else: no other role, no specialist without an invitation, no trailing parts", () => {
    for (const identity of [`admin:${user}`, `specialist:${user}`, `patient:${user}:${invitation}`, `clinician:${user} `, "bench-1", ""]) {
      expect(parseCallIdentity(identity)).toBeNull();
    }
  });

  it("grants a specialist nothing but joining until consent, and never room-admin", () => {
    expect(specialistGrant("consult-1", false)).toMatchObject({ room: "consult-1", roomJoin: true, canPublish: false, canSubscribe: false, canPublishData: false, canPublishSources: [], roomAdmin: false });
    expect(specialistGrant("consult-1", true)).toMatchObject({ canPublish: true, canSubscribe: true, canPublishData: true, roomAdmin: false, roomCreate: false });
  });
});
