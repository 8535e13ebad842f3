import { describe, expect, it } from "vitest";
import { daysLeft, LOW_STOCK_DAYS, stockLevel, suggestedQuantity } from "./rules";

describe("stock rules", () => {
  it("say how many days the stock lasts at the last 30 days' use", () => {
    expect(daysLeft(300, 300)).toBe(30);
    expect(daysLeft(100, 300)).toBe(10);
    expect(daysLeft(5, 0)).toBeNull();
    expect(daysLeft(0, 0)).toBe(0);
    expect(daysLeft(-3, 10)).toBe(0);
  });

  it("raise 'out' at nothing left and 'low' under the threshold of days", () => {
    expect(stockLevel(0, 0)).toBe("out");
    expect(stockLevel(1, 0)).toBeNull();
    // 30 a day used: 13 days left is low, 14 is not.
    expect(stockLevel(30 * (LOW_STOCK_DAYS - 1), 900)).toBe("low");
    expect(stockLevel(30 * LOW_STOCK_DAYS, 900)).toBeNull();
  });

  it("suggest the units of a course for counted forms and one pack otherwise", () => {
    const course = { frequencyCode: "tds", durationValue: 5, durationUnit: "days" as const };
    expect(suggestedQuantity({ medicineCode: "paracetamol-500mg-tab", dose: "2", ...course })).toBe(30);
    expect(suggestedQuantity({ medicineCode: "paracetamol-500mg-tab", dose: "0.5", ...course })).toBe(8);
    expect(suggestedQuantity({ medicineCode: "paracetamol-120mg5ml-syrup", dose: "5 mL", ...course })).toBe(1);
    expect(suggestedQuantity({ medicineCode: "paracetamol-500mg-tab", dose: "1", frequencyCode: "prn", durationValue: 5, durationUnit: "days" })).toBeNull();
    expect(suggestedQuantity({ medicineCode: "no-such-medicine", dose: "1", ...course })).toBeNull();
  });
});
