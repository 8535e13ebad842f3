import { describe, expect, it } from "vitest";
import { ageInYears, courseEndsAt, isCourseOngoing, maskMrId, nameInitials } from "./prescription-rules";

describe("courseEndsAt", () => {
  const issued = new Date("2025-03-01T05:00:00Z");

  it("counts days, weeks and 30-day months from the moment of issue", () => {
    expect(courseEndsAt(issued, 5, "days").toISOString()).toBe("2025-03-06T05:00:00.000Z");
    expect(courseEndsAt(issued, 2, "weeks").toISOString()).toBe("2025-03-15T05:00:00.000Z");
    expect(courseEndsAt(issued, 1, "months").toISOString()).toBe("2025-03-31T05:00:00.000Z");
  });
});

describe("isCourseOngoing", () => {
  const issued = new Date("2025-03-01T05:00:00Z");

  it("is true until the last moment of the course and false from its end", () => {
    expect(isCourseOngoing(issued, 5, "days", new Date("2025-03-06T04:59:59Z"))).toBe(true);
    expect(isCourseOngoing(issued, 5, "days", new Date("2025-03-06T05:00:00Z"))).toBe(false);
    expect(isCourseOngoing(issued, 5, "days", new Date("2025-04-01T00:00:00Z"))).toBe(false);
  });

  it("keeps a three-month course ongoing after two months", () => {
    expect(isCourseOngoing(issued, 3, "months", new Date("2025-05-01T05:00:00Z"))).toBe(true);
  });
});

describe("maskMrId", () => {
  it("shows the first four digits and the last two", () => {
    expect(maskMrId("1000011234")).toBe("1000-••••-34");
  });

  it("refuses what is not an MR ID", () => {
    expect(() => maskMrId("1000-0112-34")).toThrow(RangeError);
  });
});

describe("nameInitials", () => {
  it("gives one initial per word, in the name's own script", () => {
    expect(nameInitials("Amina Bibi")).toBe("A. B.");
    expect(nameInitials("  muhammad   ali khan ")).toBe("M. A. K.");
    expect(nameInitials("آمنہ بی بی")).toBe("آ. ب. ب.");
  });
});

describe("ageInYears", () => {
  it("counts a year only once the birthday has come", () => {
    expect(ageInYears("1990-04-12", "2025-04-11")).toBe(34);
    expect(ageInYears("1990-04-12", "2025-04-12")).toBe(35);
    expect(ageInYears("2025-01-10", "2025-06-01")).toBe(0);
  });
});
