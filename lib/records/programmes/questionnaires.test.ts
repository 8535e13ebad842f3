import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import {
  gad7Band,
  gad7Input,
  gad7Items,
  phq9Band,
  phq9Input,
  phq9Items,
  scoreGad7,
  scorePhq9,
  type Gad7Item,
  type Phq9Item,
} from "./questionnaires";

/** Answers adding up to `total`, filled from the first item on, each at most 3. */
function answersSumming<K extends string>(items: readonly K[], total: number, fixed: Partial<Record<K, number>> = {}) {
  let left = total - Object.values<number>(fixed as Record<K, number>).reduce((a, b) => a + b, 0);
  return Object.fromEntries(
    items.map((item) => {
      if (item in fixed) return [item, fixed[item]];
      const value = Math.min(3, left);
      left -= value;
      return [item, value];
    }),
  ) as Record<K, number>;
}
const phq9 = (total: number, fixed: Partial<Record<Phq9Item, number>> = { self_harm: 0 }) => answersSumming(phq9Items, total, fixed);
const gad7 = (total: number) => answersSumming<Gad7Item>(gad7Items, total);

describe("PHQ-9", () => {
  it("has the instrument's nine items, self-harm last", () => {
    expect(phq9Items).toHaveLength(9);
    expect(phq9Items[8]).toBe("self_harm");
  });

  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately_severe"],
    [19, "moderately_severe"],
    [20, "severe"],
    [24, "severe"],
  ] as const)("a total of %d is %s", (total, band) => {
    const result = scorePhq9(phq9(total));
    expect(result.score).toBe(total);
    expect(result.band).toBe(band);
    expect(phq9Band(total)).toBe(band);
  });

  it("scores 27 when every item is 'nearly every day'", () => {
    expect(scorePhq9(phq9(27, {}))).toEqual({
      score: 27,
      band: "severe",
      followUp: { inDays: 0, urgency: "same_day", prompt: "safety_assessment" },
      selfHarmFlag: true,
    });
  });

  it.each([
    [4, { inDays: null, urgency: "none", prompt: "no_action" }],
    [5, { inDays: 28, urgency: "routine", prompt: "rescreen" }],
    [9, { inDays: 28, urgency: "routine", prompt: "rescreen" }],
    [10, { inDays: 14, urgency: "soon", prompt: "follow_up_consider_referral" }],
    [15, { inDays: 7, urgency: "soon", prompt: "start_treatment" }],
    [20, { inDays: 7, urgency: "urgent", prompt: "refer_psychiatry" }],
  ] as const)("a total of %d prompts %j", (total, followUp) => {
    expect(scorePhq9(phq9(total)).followUp).toEqual(followUp);
    expect(scorePhq9(phq9(total)).selfHarmFlag).toBe(false);
  });

  it("asks for a same-day safety assessment whenever item 9 is above 0, whatever the total", () => {
    const result = scorePhq9(phq9(1, { self_harm: 1 }));
    expect(result).toMatchObject({ score: 1, band: "minimal", selfHarmFlag: true });
    expect(result.followUp).toEqual({ inDays: 0, urgency: "same_day", prompt: "safety_assessment" });
    expect(scorePhq9(phq9(12, { self_harm: 2 })).followUp.prompt).toBe("safety_assessment");
  });

  it("refuses answers outside 0–3 and totals outside 0–27", () => {
    expect(() => scorePhq9({ ...phq9(0), sleep: 4 })).toThrow(RangeError);
    expect(() => scorePhq9({ ...phq9(0), sleep: 1.5 })).toThrow(RangeError);
    expect(() => phq9Band(28)).toThrow(RangeError);
    expect(() => phq9Band(-1)).toThrow(RangeError);
  });
});

describe("GAD-7", () => {
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [21, "severe"],
  ] as const)("a total of %d is %s", (total, band) => {
    const result = scoreGad7(gad7(total));
    expect(result.score).toBe(total);
    expect(result.band).toBe(band);
    expect(gad7Band(total)).toBe(band);
  });

  it("prompts follow-up from 10 and psychiatry when severe", () => {
    expect(scoreGad7(gad7(9)).followUp).toEqual({ inDays: 28, urgency: "routine", prompt: "rescreen" });
    expect(scoreGad7(gad7(10)).followUp).toEqual({ inDays: 14, urgency: "soon", prompt: "follow_up_consider_referral" });
    expect(scoreGad7(gad7(15)).followUp).toEqual({ inDays: 7, urgency: "urgent", prompt: "refer_psychiatry" });
    expect(scoreGad7(gad7(0)).followUp).toEqual({ inDays: null, urgency: "none", prompt: "no_action" });
  });

  it("refuses a total above 21", () => {
    expect(() => gad7Band(22)).toThrow(RangeError);
  });
});

describe("questionnaire forms", () => {
  const form = (items: readonly string[], value: string) => Object.fromEntries(items.map((item) => [item, value]));
  const errors = (result: { success: boolean; error?: import("zod").ZodError }) => (result.success ? {} : fieldErrorsOf(result.error!));

  it("parse posted answers to numbers, Urdu digits and numbers included", () => {
    const parsed = phq9Input.parse({ ...form(phq9Items, "2"), sleep: "۳", tired: 0, difficulty: "very_difficult" });
    expect(parsed).toEqual({ ...Object.fromEntries(phq9Items.map((item) => [item, 2])), sleep: 3, tired: 0, difficulty: "very_difficult" });
    expect(scorePhq9(parsed).score).toBe(2 * 7 + 3 + 0);
    expect(gad7Input.parse(form(gad7Items, "1")).difficulty).toBeNull();
  });

  it("require every item", () => {
    const { sleep: _sleep, ...withoutSleep } = form(phq9Items, "1");
    expect(errors(phq9Input.safeParse({ ...withoutSleep, appetite: " " }))).toEqual({ sleep: "answer_required", appetite: "answer_required" });
    expect(errors(gad7Input.safeParse({}))).toEqual(Object.fromEntries(gad7Items.map((item) => [item, "answer_required"])));
  });

  it.each(["4", "-1", "1.5", "x", "12"])("refuse the answer %j", (typed) => {
    expect(errors(gad7Input.safeParse({ ...form(gad7Items, "0"), restless: typed }))).toEqual({ restless: "answer_invalid" });
  });

  it("refuse a number outside the scale, an unknown difficulty and a form that is not an object", () => {
    expect(errors(phq9Input.safeParse({ ...form(phq9Items, "0"), self_harm: 4 }))).toEqual({ self_harm: "answer_invalid" });
    expect(errors(phq9Input.safeParse({ ...form(phq9Items, "0"), difficulty: "a_bit" }))).toEqual({ difficulty: "answer_invalid" });
    expect(errors(phq9Input.safeParse(null))).toEqual({ form: "form_invalid" });
  });
});
