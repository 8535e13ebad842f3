import { describe, expect, it } from "vitest";
import {
  MRID_LENGTH,
  dammCheckDigit,
  dammStep,
  formatMrId,
  hasValidCheckDigit,
  mrIdFromSerial,
  parseMrId,
} from "./mrid";

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

function isPermutationOfDigits(values: number[]): boolean {
  return [...values].sort((a, b) => a - b).join("") === "0123456789";
}

/** Every code obtained from `code` by one wrong digit or one swap of adjacent unequal digits. */
function singleErrorVariants(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const original = code[i];
    for (const d of DIGITS) {
      const replacement = String(d);
      if (replacement !== original) out.push(code.slice(0, i) + replacement + code.slice(i + 1));
    }
  }
  for (let i = 0; i + 1 < code.length; i++) {
    const a = code[i];
    const b = code[i + 1];
    if (a !== undefined && b !== undefined && a !== b) {
      out.push(code.slice(0, i) + b + a + code.slice(i + 2));
    }
  }
  return out;
}

/** Returns the first few undetected variants so a failure message shows concrete codes. */
function undetectedErrors(codes: Iterable<string>): { checked: number; undetected: string[] } {
  let checked = 0;
  const undetected: string[] = [];
  for (const code of codes) {
    if (!hasValidCheckDigit(code)) undetected.push(`base ${code} itself invalid`);
    for (const variant of singleErrorVariants(code)) {
      checked++;
      if (hasValidCheckDigit(variant) && undetected.length < 10) undetected.push(`${code} -> ${variant}`);
    }
  }
  return { checked, undetected };
}

// mulberry32: tiny, deterministic, good enough to spread samples over the serial space.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("Damm table", () => {
  const table = DIGITS.map((row) => DIGITS.map((col) => dammStep(row, col)));
  const at = (row: number, col: number) => dammStep(row, col);

  it("matches the published example (572 -> 4)", () => {
    expect(dammCheckDigit("572")).toBe(4);
    expect(hasValidCheckDigit("5724")).toBe(true);
  });

  it("has every row and every column a permutation of 0-9", () => {
    for (const i of DIGITS) {
      expect(isPermutationOfDigits(table[i] ?? [])).toBe(true);
      expect(isPermutationOfDigits(DIGITS.map((r) => at(r, i)))).toBe(true);
    }
  });

  it("has a zero diagonal", () => {
    for (const i of DIGITS) expect(at(i, i)).toBe(0);
  });

  // Why these properties are the whole guarantee, for codes of any length:
  // validity means the left fold s_k = T[s_{k-1}][d_k] from s_0 = 0 ends at 0, and the zero
  // diagonal is what makes appending the interim digit c produce T[c][c] = 0.
  // An error at position k leaves s_{k-1} untouched. A substitution d -> d' then gives
  // T[s][d] != T[s][d'] because row s is a permutation; an adjacent swap x,y (x != y) gives
  // T[T[s][x]][y] != T[T[s][y]][x] by weak total anti-symmetry. From there on both folds read
  // the same digits, and each step is a column of T, which is a permutation and therefore keeps
  // two different interim values different. So the corrupted fold ends on a non-zero value.
  it("is weakly totally anti-symmetric", () => {
    const violations: string[] = [];
    for (const c of DIGITS) {
      for (const x of DIGITS) {
        for (const y of DIGITS) {
          if (x !== y && at(at(c, x), y) === at(at(c, y), x)) violations.push(`${c},${x},${y}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it("rejects out-of-range table indices", () => {
    expect(() => dammStep(10, 0)).toThrow(RangeError);
    expect(() => dammStep(0, -1)).toThrow(RangeError);
    expect(() => dammStep(1.5, 0)).toThrow(RangeError);
  });
});

describe("error detection, brute force", () => {
  it("detects every single substitution and adjacent swap for all 5-digit serials", () => {
    function* allFiveDigitCodes() {
      for (let n = 0; n < 100_000; n++) {
        const body = String(n).padStart(5, "0");
        yield body + String(dammCheckDigit(body));
      }
    }
    const { checked, undetected } = undetectedErrors(allFiveDigitCodes());
    expect(undetected).toEqual([]);
    expect(checked).toBeGreaterThan(100_000 * 6 * 9);
  });

  it("detects the same errors on 20,000 sampled 10-digit MR IDs", () => {
    const random = seededRandom(0x5eed_2024);
    const serials = [1, 999_999_999];
    while (serials.length < 20_000) serials.push(1 + Math.floor(random() * 999_999_999));
    const ids = serials.map(mrIdFromSerial);
    expect(ids.every((id) => id.length === MRID_LENGTH)).toBe(true);

    const { checked, undetected } = undetectedErrors(ids);
    expect(undetected).toEqual([]);
    expect(checked).toBeGreaterThan(20_000 * MRID_LENGTH * 9);
  });
});

describe("dammCheckDigit / hasValidCheckDigit", () => {
  it("rejects non-digit input", () => {
    expect(() => dammCheckDigit("12a")).toThrow(RangeError);
    expect(() => dammCheckDigit("١٢٣")).toThrow(RangeError);
    expect(hasValidCheckDigit("")).toBe(false);
    expect(hasValidCheckDigit("5724 ")).toBe(false);
    expect(hasValidCheckDigit("-5724")).toBe(false);
  });
});

describe("mrIdFromSerial", () => {
  it("zero-pads the serial and appends the check digit", () => {
    expect(mrIdFromSerial(1000)).toBe("0000010008");
    expect(mrIdFromSerial(1)).toBe("0000000013");
    expect(mrIdFromSerial(999_999_999)).toBe("9999999990");
    expect(mrIdFromSerial(123_456_789)).toBe("1234567894");
  });

  it.each([0, -1, 1_000_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("throws for %s", (serial) => {
    expect(() => mrIdFromSerial(serial)).toThrow(RangeError);
  });
});

describe("formatMrId", () => {
  it("groups 4-4-2", () => {
    expect(formatMrId("0000010007")).toBe("0000-0100-07");
    expect(formatMrId("1234567894")).toBe("1234-5678-94");
  });

  it.each(["123456789", "12345678901", "1234-5678-94", "12345678a4"])("throws for %j", (bad) => {
    expect(() => formatMrId(bad)).toThrow(RangeError);
  });
});

describe("parseMrId", () => {
  it("accepts canonical, display and loosely spaced forms", () => {
    for (const input of ["1234567894", "1234-5678-94", " 1234 5678 94 ", "12-34-56-78-94", "1234\u20135678\u201394"]) {
      expect(parseMrId(input)).toEqual({ ok: true, mrId: "1234567894" });
    }
  });

  it("accepts Urdu and Arabic-Indic digits", () => {
    expect(parseMrId("۱۲۳۴-۵۶۷۸-۹۴")).toEqual({ ok: true, mrId: "1234567894" });
    expect(parseMrId("١٢٣٤ ٥٦٧٨ ٩٤")).toEqual({ ok: true, mrId: "1234567894" });
    expect(parseMrId("۱۲۳۴-5678-٩٤")).toEqual({ ok: true, mrId: "1234567894" });
  });

  it("round-trips through formatMrId", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const id = mrIdFromSerial(1 + Math.floor(random() * 999_999_999));
      expect(parseMrId(formatMrId(id))).toEqual({ ok: true, mrId: id });
    }
  });

  it.each(["", "123456789", "12345678940", "1234-5678-9", "1234.5678.94", "1234_5678_94", "12345678a4", "１２３４５６７８９４", "+1234567894"])(
    "rejects %j as format",
    (input) => {
      expect(parseMrId(input)).toEqual({ ok: false, reason: "format" });
    },
  );

  it("rejects the never-issued serial 0 as format", () => {
    expect(hasValidCheckDigit("0000000000")).toBe(true);
    expect(parseMrId("0000-0000-00")).toEqual({ ok: false, reason: "format" });
  });

  it("rejects a wrong check digit", () => {
    expect(parseMrId("1234-5678-95")).toEqual({ ok: false, reason: "check_digit" });
    expect(parseMrId("0000-0100-07")).toEqual({ ok: false, reason: "check_digit" });
    expect(parseMrId("2134-5678-94")).toEqual({ ok: false, reason: "check_digit" });
  });
});
