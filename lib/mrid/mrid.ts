export const MRID_LENGTH = 10;

const SERIAL_LENGTH = MRID_LENGTH - 1;
const MAX_SERIAL = 10 ** SERIAL_LENGTH - 1;

// Damm's published quasigroup of order 10, row = interim digit, column = input digit.
// Kept as one string so lookups are plain charCode arithmetic with no undefined to handle.
const DAMM_TABLE =
  "0317598642" +
  "7092154863" +
  "4206871359" +
  "1750983426" +
  "6123045978" +
  "3674209581" +
  "5869720134" +
  "8945362017" +
  "9438617205" +
  "2581436790";

const ASCII_ZERO = 48;
const ONLY_DIGITS = /^[0-9]*$/;

// Patients read IDs off paper cards and phones set to Urdu, so both Arabic-Indic digit
// blocks must be accepted alongside ASCII.
const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;
const NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/** One step of the Damm fold: the next interim digit after reading `digit`. */
export function dammStep(interim: number, digit: number): number {
  if (!isDigitValue(interim) || !isDigitValue(digit)) {
    throw new RangeError("Damm table indices must be integers 0-9");
  }
  return DAMM_TABLE.charCodeAt(interim * 10 + digit) - ASCII_ZERO;
}

/** The Damm check digit for a string of ASCII digits. */
export function dammCheckDigit(digits: string): number {
  if (!ONLY_DIGITS.test(digits)) {
    throw new RangeError("Damm input must contain only ASCII digits");
  }
  return fold(digits);
}

/** Whether `digits` (ASCII digits, check digit last) passes the Damm check. */
export function hasValidCheckDigit(digits: string): boolean {
  return digits.length > 0 && ONLY_DIGITS.test(digits) && fold(digits) === 0;
}

/** The canonical 10-digit MR ID for a serial in 1..999,999,999. */
export function mrIdFromSerial(serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) {
    throw new RangeError(`MR ID serial must be an integer in 1..${MAX_SERIAL}`);
  }
  const body = String(serial).padStart(SERIAL_LENGTH, "0");
  return body + String(fold(body));
}

/** Display form `XXXX-XXXX-XX` of a canonical 10-digit MR ID. Does not verify the check digit. */
export function formatMrId(mrId: string): string {
  if (mrId.length !== MRID_LENGTH || !ONLY_DIGITS.test(mrId)) {
    throw new RangeError("MR ID must be exactly 10 ASCII digits");
  }
  return `${mrId.slice(0, 4)}-${mrId.slice(4, 8)}-${mrId.slice(8)}`;
}

/** Typed digits as ASCII, without spaces or dashes: Urdu (Extended Arabic-Indic) and Arabic-Indic digits are read as 0-9. */
export function compactDigits(input: string): string {
  return input.replace(SEPARATORS, "").replace(NON_ASCII_DIGIT, toAsciiDigit);
}

export type ParseMrIdResult = { ok: true; mrId: string } | { ok: false; reason: "format" | "check_digit" };

/** Parse user input (spaces/dashes anywhere, ASCII or Urdu/Arabic-Indic digits) into a canonical MR ID. */
export function parseMrId(input: string): ParseMrIdResult {
  const compact = compactDigits(input);
  if (compact.length !== MRID_LENGTH || !ONLY_DIGITS.test(compact)) {
    return { ok: false, reason: "format" };
  }
  // Serial 0 is never issued; "0000000000" happens to pass Damm, so reject it explicitly.
  if (compact.startsWith("0".repeat(SERIAL_LENGTH))) {
    return { ok: false, reason: "format" };
  }
  if (fold(compact) !== 0) {
    return { ok: false, reason: "check_digit" };
  }
  return { ok: true, mrId: compact };
}

function fold(digits: string): number {
  let interim = 0;
  for (let i = 0; i < digits.length; i++) {
    interim = DAMM_TABLE.charCodeAt(interim * 10 + digits.charCodeAt(i) - ASCII_ZERO) - ASCII_ZERO;
  }
  return interim;
}

function isDigitValue(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 9;
}

function toAsciiDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  const zero = code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
  return String.fromCharCode(ASCII_ZERO + code - zero);
}
