import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogUrduTexts, diagnoses, findAllergen, findDiagnosis, findMedicine, labTests } from "./index";

describe("catalogUrduTexts", () => {
  it("holds the Urdu labels of every catalog", () => {
    const texts = new Set(catalogUrduTexts());
    expect(texts.has("نزلہ زکام")).toBe(true);
    expect(texts.has("اموکسی سلین")).toBe(true);
    expect(texts.has("کھانے کے بعد")).toBe(true);
    expect(texts.has(labTests[0]!.ur)).toBe(true);
    expect(catalogUrduTexts().length).toBeGreaterThan(diagnoses.length);
  });

  it("uses only characters the shipped Nastaliq subsets cover (run npm run fonts:subset after adding letters)", () => {
    const css = readFileSync(new URL("../../../app/fonts.generated.css", import.meta.url), "utf8");
    const spans = [...css.matchAll(/unicode-range:\s*([^;]+);/g)].flatMap((match) =>
      match[1]!.split(",").map((part) => {
        const [from, to = from] = part.trim().replace(/^U\+/i, "").split("-");
        return [parseInt(from!, 16), parseInt(to!, 16)] as const;
      }),
    );
    expect(spans.length).toBeGreaterThan(0);
    const uncovered = new Set<string>();
    for (const text of catalogUrduTexts()) {
      for (const char of text) {
        const cp = char.codePointAt(0)!;
        const latinLetter = (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
        if (!latinLetter && !spans.some(([from, to]) => cp >= from && cp <= to)) uncovered.add(`U+${cp.toString(16)}`);
      }
    }
    expect([...uncovered]).toEqual([]);
  });
});

describe("the catalog index", () => {
  it("re-exports the finders", () => {
    expect(findDiagnosis("J00")?.en).toBe("Common cold");
    expect(findMedicine("ors-low-osmolarity-sachet")?.generic).toBe("Oral rehydration salts");
    expect(findAllergen("latex")?.kind).toBe("non_drug");
  });
});
