import { randomBytes } from "node:crypto";

// Crockford's base32: digits and capitals without I, L, O (read as 1, 1, 0) and U.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_LENGTH = 16;
/** A code's length without separators: 16 random symbols and one check symbol. */
export const VERIFICATION_CODE_LENGTH = DATA_LENGTH + 1;

// The check is one symbol of GF(32) (polynomial x⁵ + x² + 1, generator α = x): the sum of each
// data symbol times its own power of α, α¹ … α¹⁶. Crockford's mod 37 catches the same errors but
// needs five extra check symbols (* ~ $ = U) that a pharmacist cannot easily read aloud or type
// on a phone keyboard; this check stays within the 32 symbols. Because every position has a
// distinct non-zero weight (α has order 31), it catches every single wrong symbol and every
// swap of two different symbols, adjacent or not, including a swap with the check itself.
const FIELD_POLYNOMIAL = 0b100101;

function multiply(a: number, b: number): number {
  let product = 0;
  for (; b > 0; b >>= 1) {
    if (b & 1) product ^= a;
    a <<= 1;
    if (a & 0b100000) a ^= FIELD_POLYNOMIAL;
  }
  return product;
}

function checkValue(values: readonly number[]): number {
  let sum = 0;
  let weight = 1;
  for (const value of values) {
    weight = multiply(weight, 2);
    sum ^= multiply(weight, value);
  }
  return sum;
}

/**
 * A new code for a prescription's QR: 16 Crockford base32 symbols from 10 random bytes (80 bits,
 * unguessable) and one check symbol, 17 symbols in all, upper case, without separators.
 */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  const values: number[] = [];
  for (let bit = 0; bit < DATA_LENGTH * 5; bit += 5) {
    const pair = (bytes[bit >> 3]! << 8) | (bytes[(bit >> 3) + 1] ?? 0);
    values.push((pair >> (11 - (bit & 7))) & 31);
  }
  return [...values, checkValue(values)].map((value) => ALPHABET[value]).join("");
}

/**
 * The code a person typed or a scanner read, in its canonical form, or null when it is not one
 * of ours: case is ignored, as are spaces and hyphens (of any kind); I and L are read as 1 and
 * O as 0, as Crockford prescribes. Null when a symbol is foreign, the length is wrong or the
 * check symbol does not match (a mistyped or swapped symbol).
 */
export function normaliseVerificationCode(input: string): string | null {
  const symbols = input
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (symbols.length !== VERIFICATION_CODE_LENGTH) return null;
  const values = [...symbols].map((symbol) => ALPHABET.indexOf(symbol));
  if (values.some((value) => value < 0)) return null;
  return checkValue(values.slice(0, DATA_LENGTH)) === values[DATA_LENGTH] ? symbols : null;
}

/**
 * A code as printed under the QR, in groups of four from the start (`ABCD-EFGH-JKMN-PQRS-T`, the
 * last group is the check symbol). Throws for a string that is not a valid code.
 */
export function formatVerificationCode(code: string): string {
  const canonical = normaliseVerificationCode(code);
  if (!canonical) throw new Error("formatVerificationCode: not a verification code");
  return canonical.match(/.{1,4}/g)!.join("-");
}
