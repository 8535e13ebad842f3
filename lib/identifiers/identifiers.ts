// The mobile metadata carries exact mobile-number patterns (min metadata only checks length
// and has no types) at a fraction of the size of /max, and mobiles are all we accept.
import { parsePhoneNumberFromString } from "libphonenumber-js/mobile";

const PK_MOBILE_E164 = /^\+923[0-9]{9}$/;
const CNIC_PLAIN = /^[0-9]{13}$/;
const CNIC_DASHED = /^([0-9]{5})-([0-9]{7})-([0-9])$/;

// Only what people actually type around a phone number; libphonenumber would otherwise
// quietly extract a number from text like "call 0300-1234567 ext. 5".
const PHONE_INPUT = /^\+?[0-9\s()-]+$/;

/** A Pakistani mobile number as E.164 (`+923XXXXXXXXX`), or null for landlines and anything else. */
export function normalizePkMobile(input: string): string | null {
  const text = toAsciiDigits(input).trim();
  if (!PHONE_INPUT.test(text)) return null;
  const phone = parsePhoneNumberFromString(text, "PK");
  if (!phone || phone.country !== "PK" || !phone.isValid() || phone.getType() !== "MOBILE") return null;
  return PK_MOBILE_E164.test(phone.number) ? phone.number : null;
}

/** Local display form `03XX-XXXXXXX` of a normalized Pakistani mobile number. */
export function formatPkMobileLocal(e164: string): string {
  if (!PK_MOBILE_E164.test(e164)) throw new RangeError("Expected a Pakistani mobile number in E.164 form");
  return `0${e164.slice(3, 6)}-${e164.slice(6)}`;
}

/** The 13 CNIC digits from `12345-1234567-1` or plain digits (ASCII or Urdu), or null. */
export function normalizeCnic(input: string): string | null {
  const text = toAsciiDigits(input).trim();
  if (CNIC_PLAIN.test(text)) return text;
  const dashed = CNIC_DASHED.exec(text);
  return dashed ? dashed.slice(1).join("") : null;
}

/** Display form `12345-1234567-1` of 13 CNIC digits. */
export function formatCnic(cnic13: string): string {
  if (!CNIC_PLAIN.test(cnic13)) throw new RangeError("CNIC must be exactly 13 ASCII digits");
  return `${cnic13.slice(0, 5)}-${cnic13.slice(5, 12)}-${cnic13.slice(12)}`;
}

/** Urdu keyboards emit Extended Arabic-Indic digits (U+06F0..); Arabic ones U+0660... */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}
