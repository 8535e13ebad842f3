import { describe, expect, it } from "vitest";
import { followUpReason, parseFollowUpReason } from "./follow-up-reason";

describe("follow-up reasons", () => {
  it("are stored as source and key, and read back the same", () => {
    expect(followUpReason("phq9", "safety_assessment")).toBe("phq9.safety_assessment");
    expect(followUpReason("preventive", "tb_presumptive")).toBe("preventive.tb_presumptive");
    expect(parseFollowUpReason("gad7.rescreen")).toEqual({ source: "gad7", key: "rescreen" });
    expect(parseFollowUpReason("preventive.breast_change")).toEqual({ source: "preventive", key: "breast_change" });
  });

  it("refuse what they do not know, rather than hand the UI a key it has no words for", () => {
    expect(parseFollowUpReason("phq9.tb_presumptive")).toBeNull();
    expect(parseFollowUpReason("preventive.rescreen")).toBeNull();
    expect(parseFollowUpReason("flag.bp")).toBeNull();
    expect(parseFollowUpReason("phq9.rescreen.extra")).toBeNull();
    expect(parseFollowUpReason("phq9")).toBeNull();
    expect(parseFollowUpReason("")).toBeNull();
  });
});
