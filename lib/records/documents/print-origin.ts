import { createHmac, timingSafeEqual } from "node:crypto";

// The PDF is rendered by a browser that reaches the print page on the instance's internal
// address, so the page cannot learn the public origin its QR code must point to from its own
// request. The PDF route passes it along, signed, so that no one can print a page whose QR
// code sends a pharmacy elsewhere.

function signature(secret: string, origin: string, path: string): Buffer {
  return createHmac("sha256", secret).update(`print-origin\n${origin}\n${path}`).digest();
}

/** The signature of `origin` for the print page at `path`, base64url. */
export function signPrintOrigin(secret: string, origin: string, path: string): string {
  return signature(secret, origin, path).toString("base64url");
}

/** True when `signed` is `signPrintOrigin(secret, origin, path)`. */
export function isSignedPrintOrigin(secret: string, origin: string, path: string, signed: string): boolean {
  const expected = signature(secret, origin, path);
  const given = Buffer.from(signed, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
