import { describe, expect, it } from "vitest";
import { isSignedPrintOrigin, signPrintOrigin } from "./print-origin";

const secret = "a-test-secret-that-is-long-enough-000000";

describe("print origin signatures", () => {
  it("accepts the signature of the same origin and page", () => {
    const signed = signPrintOrigin(secret, "https://rabta.example.pk", "/print/prescriptions/1");
    expect(isSignedPrintOrigin(secret, "https://rabta.example.pk", "/print/prescriptions/1", signed)).toBe(true);
  });

  it("refuses another origin, another page, another secret and garbage", () => {
    const signed = signPrintOrigin(secret, "https://rabta.example.pk", "/print/prescriptions/1");
    expect(isSignedPrintOrigin(secret, "https://evil.example", "/print/prescriptions/1", signed)).toBe(false);
    expect(isSignedPrintOrigin(secret, "https://rabta.example.pk", "/print/prescriptions/2", signed)).toBe(false);
    expect(isSignedPrintOrigin(`${secret}x`, "https://rabta.example.pk", "/print/prescriptions/1", signed)).toBe(false);
    expect(isSignedPrintOrigin(secret, "https://rabta.example.pk", "/print/prescriptions/1", "")).toBe(false);
    expect(isSignedPrintOrigin(secret, "https://rabta.example.pk", "/print/prescriptions/1", "not base64 at all!")).toBe(false);
  });
});
