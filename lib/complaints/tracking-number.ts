import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { compactDigits, dammCheckDigit, hasValidCheckDigit } from "@/lib/mrid/mrid";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

const SERIAL_DIGITS = 5;

/**
 * A complaint's tracking number: the year and month it was filed (clinic time), its serial
 * (five digits at least) and a Damm check digit, so that a mistyped number — one digit wrong or
 * two swapped — is caught before it is looked up. `2612000427` is shown as `2612-00042-7`.
 */
export function trackingNumberFor(serial: number, filedAt: Date): string {
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError("complaint serial must be a positive integer");
  const body = format(new TZDate(filedAt, CLINIC_TIME_ZONE), "yyMM") + String(serial).padStart(SERIAL_DIGITS, "0");
  return body + String(dammCheckDigit(body));
}

/** The display form of a tracking number: month, serial and check digit apart. */
export function formatTrackingNumber(trackingNumber: string): string {
  return `${trackingNumber.slice(0, 4)}-${trackingNumber.slice(4, -1)}-${trackingNumber.slice(-1)}`;
}

/** A typed tracking number (dashes, spaces, Urdu digits allowed) as stored, or null if it cannot be one. */
export function parseTrackingNumber(input: string): string | null {
  const digits = compactDigits(input.trim());
  if (!/^\d{10,16}$/.test(digits) || !hasValidCheckDigit(digits)) return null;
  return digits;
}
