import { describe, expect, it } from "vitest";
import { AppError, formStateFrom, waitValues } from "./errors";

describe("waitValues", () => {
  it("rounds up to whole seconds and minutes", () => {
    expect(waitValues(0.2)).toEqual({ seconds: 1, minutes: 1 });
    expect(waitValues(5)).toEqual({ seconds: 5, minutes: 1 });
    expect(waitValues(60)).toEqual({ seconds: 60, minutes: 1 });
    expect(waitValues(61)).toEqual({ seconds: 61, minutes: 2 });
    expect(waitValues(900)).toEqual({ seconds: 900, minutes: 15 });
  });
});

describe("formStateFrom", () => {
  it("gives the form how long to wait when a limit says so", () => {
    const error = new AppError("rate_limited", "otp_rate_limited", { phone: "otp_rate_limited" }, { retryAfterSeconds: 125 });
    expect(formStateFrom(error, { phone: "0300" })).toEqual({
      ok: false,
      message: undefined,
      fieldErrors: { phone: "otp_rate_limited" },
      errorValues: { seconds: 125, minutes: 3 },
      values: { phone: "0300" },
    });
  });

  it("adds no values to other errors, and re-throws errors that are not ours", () => {
    expect(formStateFrom(new AppError("invalid", "form_invalid"), {})).toEqual({ ok: false, message: "form_invalid", fieldErrors: {}, values: {} });
    expect(() => formStateFrom(new Error("boom"), {})).toThrow("boom");
  });
});
