import { describe, expect, it } from "vitest";
import { createSearch, normalizeCode, normalizeSearchText } from "./search";

describe("normalizeSearchText", () => {
  it("folds the Arabic keyboard's heh, kaf and yeh into the Urdu letters", () => {
    expect(normalizeSearchText("نزله")).toBe(normalizeSearchText("نزلہ"));
    expect(normalizeSearchText("زكام")).toBe(normalizeSearchText("زکام"));
    expect(normalizeSearchText("پيٹ")).toBe(normalizeSearchText("پیٹ"));
    expect(normalizeSearchText("مرگى")).toBe(normalizeSearchText("مرگی"));
  });

  it("treats heh goal and do-chashmi heh alike, since an Arabic keyboard types ه for both", () => {
    expect(normalizeSearchText("كهانسى")).toBe(normalizeSearchText("کھانسی"));
  });

  it("matches yeh barree with the yeh a Persian or Arabic keyboard types", () => {
    expect(normalizeSearchText("کیڑی")).toBe(normalizeSearchText("کیڑے"));
  });

  it("drops harakat, tatweel and zero-width joiners", () => {
    expect(normalizeSearchText("بُخَار")).toBe("بخار");
    expect(normalizeSearchText("بـــخار")).toBe("بخار");
    expect(normalizeSearchText("بلڈ\u200cپریشر")).toBe(normalizeSearchText("بلڈپریشر"));
  });

  it("folds hamza and madda forms into their base letters", () => {
    expect(normalizeSearchText("آنکھ")).toBe(normalizeSearchText("انکھ"));
    expect(normalizeSearchText("أنکھ")).toBe(normalizeSearchText("انکھ"));
    expect(normalizeSearchText("ؤ")).toBe("و");
  });

  it("lower-cases Latin, folds Urdu digits and collapses separators", () => {
    expect(normalizeSearchText("  Common   COLD ")).toBe("common cold");
    expect(normalizeSearchText("قسم ۲")).toBe(normalizeSearchText("قسم 2"));
    expect(normalizeSearchText("خارش (سکیبیز)")).toBe("خارش سکیبیز");
  });
});

describe("normalizeCode", () => {
  it("ignores dots, spaces and case", () => {
    expect(normalizeCode("J06.9")).toBe("j069");
    expect(normalizeCode(" j06 9 ")).toBe("j069");
  });
});

describe("createSearch", () => {
  const entries = [
    { code: "C01", label: "xalphay" },
    { code: "A01", label: "beta alpha" },
    { code: "B01", label: "alpha beta" },
    { code: "D01", label: "alpha" },
    { code: "ALP1", label: "gamma" },
    { code: "E01", label: "alpha beta" },
    { code: "F01", label: "beta delta alp" },
  ];
  const search = createSearch(entries, (entry) => ({ code: entry.code, labels: [entry.label] }));
  const codes = (query: string, limit?: number) => search(query, { limit }).map((entry) => entry.code);

  it("ranks code prefix, whole label, label start, word start, then substring, keeping list order within a rank", () => {
    expect(codes("alp")).toEqual(["ALP1", "B01", "D01", "E01", "A01", "F01", "C01"]);
    expect(codes("alpha")).toEqual(["D01", "B01", "E01", "A01", "C01"]);
  });

  it("puts the exact code before a longer code with the same prefix", () => {
    const coded = createSearch(["J06.9", "J06", "J060"].map((code) => ({ code })), (entry) => ({ code: entry.code, labels: [] }));
    expect(coded("j06").map((entry) => entry.code)).toEqual(["J06", "J06.9", "J060"]);
  });

  it("matches a multi-word query whose words appear in any order", () => {
    expect(codes("delta beta")).toEqual(["F01"]);
  });

  it("honours the limit and returns nothing for a blank query", () => {
    expect(codes("alp", 2)).toEqual(["ALP1", "B01"]);
    expect(codes("   ")).toEqual([]);
  });
});
