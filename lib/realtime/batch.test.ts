import { describe, expect, it } from "vitest";
import { batchLoader } from "./batch";

describe("batchLoader", () => {
  it("loads the keys asked for together with one call, each caller getting its own value", async () => {
    const calls: string[][] = [];
    const load = batchLoader(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== "missing").map((k) => [k, k.toUpperCase()]));
    });
    expect(await Promise.all([load("a"), load("b"), load("a"), load("missing")])).toEqual(["A", "B", "A", undefined]);
    expect(calls).toEqual([["a", "b", "missing"]]);
    expect(await load("c")).toBe("C");
    expect(calls).toHaveLength(2);
  });

  it("gives every caller of a failed batch its error, and the next batch a fresh try", async () => {
    let fail = true;
    const load = batchLoader(async (keys: number[]) => {
      if (fail) throw new Error("database away");
      return new Map(keys.map((k) => [k, k * 2]));
    });
    const results = await Promise.allSettled([load(1), load(2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await load(2)).toBe(4);
  });
});
