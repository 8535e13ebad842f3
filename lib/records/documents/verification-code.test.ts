import { describe, expect, it } from "vitest";
import { formatVerificationCode, newVerificationCode, normaliseVerificationCode, VERIFICATION_CODE_LENGTH } from "./verification-code";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const codes = Array.from({ length: 10_000 }, newVerificationCode);

describe("newVerificationCode", () => {
  it("gives 16 Crockford symbols and a check symbol that passes its own check", () => {
    for (const code of codes.slice(0, 200)) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{17}$/);
      expect(normaliseVerificationCode(code)).toBe(code);
    }
    expect(VERIFICATION_CODE_LENGTH).toBe(17);
  });

  it("never repeats over 10 000 codes, and every symbol turns up in every random position", () => {
    expect(new Set(codes).size).toBe(codes.length);
    // 10 000 draws of 32 symbols: about 312 each, so a position missing one means biased bits.
    for (let position = 0; position < 16; position++) {
      expect(new Set(codes.map((code) => code[position])).size, `position ${position}`).toBe(32);
    }
  });
});

describe("normaliseVerificationCode", () => {
  it("matches check symbols worked out by hand", () => {
    // All zeros weigh nothing; a 1 in the first place weighs α = x = 2 ("2"); a 1 in the last
    // data place weighs α¹⁶ = x⁴ + x³ + x + 1 = 27 under x⁵ = x² + 1, which is "V".
    expect(normaliseVerificationCode("0000000000000000" + "0")).toBe("00000000000000000");
    expect(normaliseVerificationCode("1000000000000000" + "2")).toBe("10000000000000002");
    expect(normaliseVerificationCode("0000000000000001" + "V")).toBe("0000000000000001V");
    expect(normaliseVerificationCode("0000000000000001" + "W")).toBeNull();
  });

  it("catches every single mistyped symbol, in every position", () => {
    for (const code of codes.slice(0, 50)) {
      for (let position = 0; position < code.length; position++) {
        for (const symbol of CROCKFORD) {
          if (symbol === code[position]) continue;
          const typo = code.slice(0, position) + symbol + code.slice(position + 1);
          expect(normaliseVerificationCode(typo), typo).toBeNull();
        }
      }
    }
  });

  it("catches every swap of two neighbours, the check symbol included, and swaps further apart", () => {
    for (const code of codes.slice(0, 200)) {
      for (let i = 0; i < code.length; i++) {
        for (let j = i + 1; j < code.length; j++) {
          if (code[i] === code[j]) continue;
          const swapped = [...code];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(normaliseVerificationCode(swapped.join("")), `${code} swap ${i},${j}`).toBeNull();
        }
      }
    }
  });

  it("reads what a person types: any case, spaces, hyphens, and I, L, O for 1 and 0", () => {
    const code = "10000000000000002";
    expect(normaliseVerificationCode("l000-0000-0000-000o-2")).toBe(code);
    expect(normaliseVerificationCode(" I000 0000\t0000 0000 2 ")).toBe(code);
    expect(normaliseVerificationCode("1000‑0000–0000—00002")).toBe(code);
    for (const sample of codes.slice(0, 100)) {
      expect(normaliseVerificationCode(formatVerificationCode(sample).toLowerCase())).toBe(sample);
    }
  });

  it("refuses what is malformed", () => {
    const code = codes[0]!;
    for (const input of ["", code.slice(0, 16), code + "0", code.slice(0, 16) + "U", code.slice(0, 16) + "*", code.slice(0, 15) + "/" + code[16], "٠".repeat(17)]) {
      expect(normaliseVerificationCode(input), input).toBeNull();
    }
  });
});

describe("formatVerificationCode", () => {
  it("prints groups of four from the start, the check symbol last", () => {
    expect(formatVerificationCode("0000000000000001V")).toBe("0000-0000-0000-0001-V");
    expect(formatVerificationCode("0000-0000-0000-0001-v")).toBe("0000-0000-0000-0001-V");
    expect(() => formatVerificationCode("0000000000000001W")).toThrow();
  });
});
