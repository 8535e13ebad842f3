import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import {
  plausibleRanges,
  vitalsInput,
  vitalsInputFor,
  type VitalsInput,
  type VitalsValues,
} from "./ranges";

const empty: VitalsValues = {
  systolic: null,
  diastolic: null,
  pulse: null,
  temperatureC: null,
  spo2: null,
  respiratoryRate: null,
  weightKg: null,
  heightCm: null,
  glucoseMgDl: null,
  muacCm: null,
  lastMenstrualPeriod: null,
};

/** The parsed values, or the `{ field: messageKey }` map a form would show. */
function parse(input: VitalsInput, schema: { safeParse: typeof vitalsInput.safeParse } = vitalsInput) {
  const result = schema.safeParse(input);
  return result.success ? { values: result.data } : { errors: fieldErrorsOf(result.error) };
}

// A field alone, except blood pressure, which needs its partner to be valid on its own.
function alone(field: keyof typeof plausibleRanges, value: string): VitalsInput {
  if (field === "systolic") return { systolic: value, diastolic: "40" };
  if (field === "diastolic") return { systolic: "250", diastolic: value };
  return { [field]: value };
}

describe("vitalsInput", () => {
  it("treats an empty form as nothing measured", () => {
    expect(parse({})).toEqual({ values: empty });
    expect(parse(Object.fromEntries(Object.keys(empty).map((k) => [k, ""])))).toEqual({ values: empty });
    expect(parse({ pulse: "   " })).toEqual({ values: empty });
  });

  it("parses a full set of vitals", () => {
    expect(
      parse({
        systolic: "120",
        diastolic: "80",
        pulse: "72",
        temperatureC: "36.8",
        spo2: "98",
        respiratoryRate: "16",
        weightKg: "64.5",
        heightCm: "158",
        glucoseMgDl: "110",
        muacCm: "13.2",
        lastMenstrualPeriod: "2026-01-10",
      }),
    ).toEqual({
      values: {
        systolic: 120,
        diastolic: 80,
        pulse: 72,
        temperatureC: 36.8,
        spo2: 98,
        respiratoryRate: 16,
        weightKg: 64.5,
        heightCm: 158,
        glucoseMgDl: 110,
        muacCm: 13.2,
        lastMenstrualPeriod: "2026-01-10",
      },
    });
  });

  it.each([undefined, null, "120/80", 5, []])("refuses a form that is not an object (%j)", (input) => {
    expect(parse(input as unknown as VitalsInput).errors).toEqual({ form: "form_invalid" });
    expect(parse(input as unknown as VitalsInput, vitalsInputFor("2026-03-02", 12)).errors).toEqual({ form: "form_invalid" });
  });

  it("drops fields that are not vitals", () => {
    expect(parse({ pulse: "80", patientId: "abc" } as VitalsInput)).toEqual({ values: { ...empty, pulse: 80 } });
  });

  describe.each(Object.entries(plausibleRanges) as Array<[keyof typeof plausibleRanges, (typeof plausibleRanges)[keyof typeof plausibleRanges]]>)(
    "%s",
    (field, { min, max, decimals }) => {
      const step = decimals === 0 ? 1 : 0.1;
      const show = (n: number) => n.toFixed(decimals);

      it(`accepts ${min} to ${max}`, () => {
        for (const value of [min, max]) {
          const parsed = parse(alone(field, show(value)));
          expect(parsed.values?.[field]).toBe(value);
        }
      });

      it("reports values outside the range", () => {
        for (const value of [min - step, max + step, 0, -1, 10_000]) {
          expect(parse(alone(field, show(value))).errors).toEqual({ [field]: `${field}_range` });
        }
      });

      it("reports what is not a number", () => {
        for (const typed of ["abc", "12abc", "1e2", "1.2.3", "--5", "Infinity", "NaN", "0x1f", "1 2", "."]) {
          expect(parse(alone(field, typed)).errors, typed).toEqual({ [field]: `${field}_number` });
        }
      });

      it("reports a value that is not text as not a number", () => {
        expect(parse({ [field]: 80 } as unknown as VitalsInput).errors?.[field]).toBe(`${field}_number`);
      });
    },
  );

  it("reads Urdu and Arabic-Indic digits", () => {
    expect(parse({ pulse: "۷۲", spo2: "٩٨", temperatureC: "۳۷٫۲" }).values).toMatchObject({
      pulse: 72,
      spo2: 98,
      temperatureC: 37.2,
    });
  });

  it("reads a comma as the decimal separator", () => {
    expect(parse({ temperatureC: "37,5", weightKg: " 3,25 " }).values).toMatchObject({ temperatureC: 37.5, weightKg: 3.3 });
  });

  it("rounds one-decimal measurements in decimal, before checking the range", () => {
    expect(parse({ temperatureC: "36.45" }).values?.temperatureC).toBe(36.5);
    expect(parse({ temperatureC: "36.44" }).values?.temperatureC).toBe(36.4);
    expect(parse({ weightKg: "1.05" }).values?.weightKg).toBe(1.1);
    expect(parse({ temperatureC: "43.04" }).values?.temperatureC).toBe(43);
    expect(parse({ temperatureC: "43.05" }).errors).toEqual({ temperatureC: "temperatureC_range" });
    expect(parse({ heightCm: ".5" }).errors).toEqual({ heightCm: "heightCm_range" });
    expect(parse({ weightKg: "70." }).values?.weightKg).toBe(70);
  });

  it("takes whole-number measurements only as whole numbers", () => {
    expect(parse({ pulse: "72.0" }).values?.pulse).toBe(72);
    expect(parse({ pulse: "72.5" }).errors).toEqual({ pulse: "pulse_number" });
    expect(parse({ spo2: "97,5" }).errors).toEqual({ spo2: "spo2_number" });
  });

  it("reports every bad field at once", () => {
    expect(parse({ pulse: "700", spo2: "x", temperatureC: "98.6", glucoseMgDl: "" }).errors).toEqual({
      pulse: "pulse_range",
      spo2: "spo2_number",
      temperatureC: "temperatureC_range",
    });
  });

  describe("blood pressure", () => {
    it("needs both numbers, reported on diastolic", () => {
      expect(parse({ systolic: "120" }).errors).toEqual({ diastolic: "bp_pair" });
      expect(parse({ diastolic: "80" }).errors).toEqual({ diastolic: "bp_pair" });
      expect(parse({ systolic: "120", diastolic: " " }).errors).toEqual({ diastolic: "bp_pair" });
    });

    it("needs the diastolic below the systolic", () => {
      expect(parse({ systolic: "80", diastolic: "120" }).errors).toEqual({ diastolic: "bp_order" });
      expect(parse({ systolic: "90", diastolic: "90" }).errors).toEqual({ diastolic: "bp_order" });
      expect(parse({ systolic: "90", diastolic: "89" }).values).toMatchObject({ systolic: 90, diastolic: 89 });
    });

    it("reports a mistyped half as such, not as a missing or misordered pair", () => {
      expect(parse({ systolic: "12o", diastolic: "80" }).errors).toEqual({ systolic: "systolic_number" });
      expect(parse({ systolic: "1200", diastolic: "80" }).errors).toEqual({ systolic: "systolic_range" });
      expect(parse({ systolic: "120", diastolic: "8o" }).errors).toEqual({ diastolic: "diastolic_number" });
    });

    it("is still checked when other fields are wrong", () => {
      expect(parse({ systolic: "120", pulse: "x" }).errors).toEqual({ pulse: "pulse_number", diastolic: "bp_pair" });
    });
  });

  describe("last menstrual period", () => {
    it.each(["2026-13-01", "2026-02-30", "2026-2-1", "01/02/2026", "yesterday", "2026-02-01T00:00"])("rejects %j", (typed) => {
      expect(parse({ lastMenstrualPeriod: typed }).errors).toEqual({ lastMenstrualPeriod: "lmp_invalid" });
    });

    it("accepts a date typed in Urdu digits", () => {
      expect(parse({ lastMenstrualPeriod: "۲۰۲۶-۰۱-۱۰" }).values?.lastMenstrualPeriod).toBe("2026-01-10");
    });

    it("leaves the date window to vitalsInputFor", () => {
      expect(parse({ lastMenstrualPeriod: "2099-01-01" }).values?.lastMenstrualPeriod).toBe("2099-01-01");
    });
  });
});

describe("vitalsInputFor", () => {
  const today = "2026-03-02";
  const adult = vitalsInputFor(today, 360);

  describe("last menstrual period", () => {
    it("accepts today and up to 44 weeks ago", () => {
      expect(parse({ lastMenstrualPeriod: today }, adult).values?.lastMenstrualPeriod).toBe(today);
      // 2025-04-28 is exactly 308 days (44 weeks) before 2026-03-02.
      expect(parse({ lastMenstrualPeriod: "2025-04-28" }, adult).values?.lastMenstrualPeriod).toBe("2025-04-28");
    });

    it("rejects a date in the future or more than 44 weeks ago", () => {
      for (const lmp of ["2026-03-03", "2027-01-01", "2025-04-27", "2020-01-01"]) {
        expect(parse({ lastMenstrualPeriod: lmp }, adult).errors, lmp).toEqual({ lastMenstrualPeriod: "lmp_invalid" });
      }
    });

    it("reports a malformed date once", () => {
      expect(parse({ lastMenstrualPeriod: "2026-02-30" }, adult).errors).toEqual({ lastMenstrualPeriod: "lmp_invalid" });
    });
  });

  describe("MUAC", () => {
    it("is taken from children aged 6 to 59 months", () => {
      for (const months of [6, 24, 59]) {
        expect(parse({ muacCm: "12.0" }, vitalsInputFor(today, months)).values?.muacCm, `${months}`).toBe(12);
      }
    });

    it("is refused for anyone younger or older", () => {
      for (const months of [0, 5, 60, 360]) {
        expect(parse({ muacCm: "12.0" }, vitalsInputFor(today, months)).errors, `${months}`).toEqual({ muacCm: "muac_child_only" });
      }
    });

    it("reports an implausible MUAC by its range first", () => {
      expect(parse({ muacCm: "45" }, adult).errors).toEqual({ muacCm: "muacCm_range" });
    });

    it("leaves older patients' other vitals alone", () => {
      expect(parse({ pulse: "80" }, adult).values).toEqual({ ...empty, pulse: 80 });
    });
  });

  it("keeps the form's own rules", () => {
    expect(parse({ systolic: "120", pulse: "7000", muacCm: "12" }, adult).errors).toEqual({
      pulse: "pulse_range",
      diastolic: "bp_pair",
      muacCm: "muac_child_only",
    });
  });

  it("refuses a malformed today", () => {
    expect(() => vitalsInputFor("02/03/2026", 24)).toThrow(RangeError);
  });
});
