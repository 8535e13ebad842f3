import { describe, expect, it } from "vitest";
import { catalogs, negotiateLocale } from "./config";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

describe("catalogs", () => {
  const en = keysOf(catalogs.en).sort();
  const ur = keysOf(catalogs.ur).sort();

  it("have the same keys in English and Urdu", () => {
    expect(ur).toEqual(en);
  });

  it("use the same placeholders in both languages", () => {
    for (const key of en) {
      const pick = (root: unknown) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root);
      expect(placeholders(String(pick(catalogs.ur))), key).toEqual(placeholders(String(pick(catalogs.en))));
    }
  });

  it("leave no Urdu entry empty", () => {
    for (const key of ur) {
      const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogs.ur);
      expect(String(value).trim(), key).not.toBe("");
    }
  });
});

describe("negotiateLocale", () => {
  it("prefers what the browser asks for", () => {
    expect(negotiateLocale("en-US,en;q=0.9")).toBe("en");
    expect(negotiateLocale("ur-PK,en;q=0.5")).toBe("ur");
    expect(negotiateLocale("fr,en;q=0.4")).toBe("en");
  });

  it("falls back to Urdu", () => {
    expect(negotiateLocale(null)).toBe("ur");
    expect(negotiateLocale("fr-FR")).toBe("ur");
  });
});
