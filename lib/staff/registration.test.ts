import { describe, expect, it } from "vitest";
import { checkRegistration, councilOf } from "./registration";

describe("council registration numbers", () => {
  it("are PMDC's for doctors and specialists, PNMC's for LHVs, nurses and midwives, and none for the rest", () => {
    expect(councilOf("doctor")).toBe("pmdc");
    expect(councilOf("specialist")).toBe("pmdc");
    expect(["lhv", "nurse", "midwife"].map((c) => councilOf(c as "lhv"))).toEqual(["pnmc", "pnmc", "pnmc"]);
    expect(councilOf("technician")).toBeNull();
  });

  it("accept the printed shapes, tidied, and refuse anything else with the council's own message", () => {
    expect(checkRegistration("doctor", " 12345-p ")).toEqual({ number: "12345-P" });
    expect(checkRegistration("lhv", "lhv-12345")).toEqual({ number: "LHV-12345" });
    expect(checkRegistration("nurse", "123456")).toEqual({ number: "123456" });
    expect(checkRegistration("doctor", "")).toEqual({ problem: "pmdc_required" });
    expect(checkRegistration("doctor", "12345")).toEqual({ problem: "pmdc_format" });
    expect(checkRegistration("doctor", "P-12345")).toEqual({ problem: "pmdc_format" });
    expect(checkRegistration("midwife", "12")).toEqual({ problem: "pnmc_format" });
    expect(checkRegistration("lhv", undefined)).toEqual({ problem: "pnmc_required" });
    expect(checkRegistration("dispenser", "")).toEqual({ number: null });
    expect(checkRegistration("dispenser", "12345-P")).toEqual({ problem: "registration_not_for_cadre" });
  });
});
