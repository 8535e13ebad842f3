import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import {
  preventiveQuestions,
  preventiveQuestionsFor,
  preventiveScreeningInputFor,
  screenPreventive,
  type PreventiveAnswers,
  type PreventiveQuestion,
  type ScreeningPerson,
} from "./preventive-screening";

const woman45 = { age: 45, sex: "female" } as const;
const man35 = { age: 35, sex: "male" } as const;

// Everything fine: no tobacco, BP checked this year, no family history, no symptoms.
const clear: PreventiveAnswers = {
  tobacco: false,
  bp_checked_last_year: true,
  family_diabetes: false,
  overweight: false,
  diabetes_symptoms: false,
  cough_two_weeks: false,
  blood_in_sputum: false,
  night_sweats: false,
  weight_loss: false,
  breast_change: false,
  hepatitis_risk: false,
};
const codes = (answers: Partial<PreventiveAnswers>, person: { age: number; sex: "female" | "male" | "other" } = man35) =>
  screenPreventive({ ...clear, ...answers }, person).findings.map((f) => f.code);

describe("preventiveQuestionsFor", () => {
  it("asks the breast question of women from 30 only", () => {
    expect(preventiveQuestionsFor(woman45)).toEqual([...preventiveQuestions]);
    expect(preventiveQuestionsFor({ age: 30, sex: "female" })).toContain("breast_change");
    expect(preventiveQuestionsFor({ age: 29, sex: "female" })).not.toContain("breast_change");
    expect(preventiveQuestionsFor(man35)).not.toContain("breast_change");
    expect(preventiveQuestionsFor(man35)).toHaveLength(preventiveQuestions.length - 1);
  });

  it("is for adults only", () => {
    expect(() => preventiveQuestionsFor({ age: 17, sex: "male" })).toThrow(RangeError);
    expect(() => preventiveQuestionsFor({ age: 40.5, sex: "male" })).toThrow(RangeError);
    expect(() => screenPreventive(clear, { age: 12, sex: "female" })).toThrow(RangeError);
  });
});

describe("screenPreventive", () => {
  it("is negative when every answer is reassuring", () => {
    expect(screenPreventive(clear, woman45)).toEqual({ positive: false, findings: [] });
    expect(screenPreventive({ ...clear, breast_change: null }, man35)).toEqual({ positive: false, findings: [] });
  });

  it.each<[string, Partial<PreventiveAnswers>]>([
    ["cough of 2 weeks", { cough_two_weeks: true }],
    ["blood in sputum", { blood_in_sputum: true }],
    ["night sweats", { night_sweats: true }],
  ])("books a next-day sputum test for presumptive TB (%s)", (_label, answers) => {
    expect(screenPreventive({ ...clear, ...answers }, man35)).toEqual({
      positive: true,
      findings: [{ code: "tb_presumptive", followUp: { kind: "lab_test", inDays: 1, what: "sputum_tb_test" } }],
    });
  });

  it("reports TB once when it has several signs", () => {
    expect(codes({ cough_two_weeks: true, blood_in_sputum: true, night_sweats: true })).toEqual(["tb_presumptive"]);
  });

  it("tests glucose with a family history of diabetes from 40, or when overweight", () => {
    expect(codes({ family_diabetes: true }, { age: 39, sex: "male" })).toEqual([]);
    expect(codes({ family_diabetes: true }, { age: 40, sex: "male" })).toEqual(["diabetes_risk"]);
    expect(codes({ family_diabetes: true, overweight: true }, { age: 25, sex: "female" })).toEqual(["diabetes_risk"]);
    expect(codes({ overweight: true }, { age: 55, sex: "female" })).toEqual([]);
    expect(screenPreventive({ ...clear, family_diabetes: true }, woman45).findings[0]!.followUp).toEqual({
      kind: "lab_test",
      inDays: 14,
      what: "fasting_glucose",
    });
  });

  it("tests glucose sooner for symptoms, in place of the risk finding", () => {
    expect(codes({ diabetes_symptoms: true, family_diabetes: true }, woman45)).toEqual(["diabetes_symptoms"]);
    expect(screenPreventive({ ...clear, diabetes_symptoms: true }, man35).findings[0]!.followUp).toEqual({
      kind: "lab_test",
      inDays: 2,
      what: "glucose_test",
    });
  });

  it("books a BP check when it was not measured in the last year, not when the question was skipped", () => {
    expect(codes({ bp_checked_last_year: false })).toEqual(["bp_unchecked"]);
    expect(codes({ bp_checked_last_year: null })).toEqual([]);
  });

  it("refers a breast change to a surgeon within 2 weeks", () => {
    expect(screenPreventive({ ...clear, breast_change: true }, woman45).findings).toEqual([
      { code: "breast_change", followUp: { kind: "referral", inDays: 14, what: "breast_examination", specialty: "general_surgery" } },
    ]);
  });

  it("books tobacco cessation, hepatitis tests and a review of weight loss", () => {
    expect(codes({ tobacco: true })).toEqual(["tobacco_use"]);
    expect(codes({ hepatitis_risk: true })).toEqual(["hepatitis_risk"]);
    expect(codes({ weight_loss: true })).toEqual(["weight_loss"]);
    expect(screenPreventive({ ...clear, hepatitis_risk: true }, man35).findings[0]!.followUp).toEqual({
      kind: "lab_test",
      inDays: 14,
      what: "hepatitis_tests",
    });
  });

  it("lists every finding, soonest first", () => {
    const result = screenPreventive(
      {
        tobacco: true,
        bp_checked_last_year: false,
        family_diabetes: true,
        overweight: true,
        diabetes_symptoms: false,
        cough_two_weeks: true,
        blood_in_sputum: false,
        night_sweats: false,
        weight_loss: true,
        breast_change: true,
        hepatitis_risk: true,
      },
      woman45,
    );
    expect(result.positive).toBe(true);
    expect(result.findings.map((f) => f.code).sort()).toEqual(
      ["tb_presumptive", "bp_unchecked", "weight_loss", "breast_change", "tobacco_use", "diabetes_risk", "hepatitis_risk"].sort(),
    );
    expect(result.findings[0]!.code).toBe("tb_presumptive");
    const days = result.findings.map((f) => f.followUp.inDays);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });
});

describe("preventiveScreeningInputFor", () => {
  const all = (value: string, person: ScreeningPerson = woman45) =>
    Object.fromEntries(preventiveQuestionsFor(person).map((q) => [q, value])) as Record<PreventiveQuestion, string>;
  const parse = (input: unknown, person: { age: number; sex: "female" | "male" | "other" } = woman45) => {
    const result = preventiveScreeningInputFor(person).safeParse(input);
    return result.success ? { values: result.data } : { errors: fieldErrorsOf(result.error) };
  };

  it("parses yes and no", () => {
    expect(parse({ ...all("no"), tobacco: "yes" }).values).toEqual({ ...clear, bp_checked_last_year: false, tobacco: true });
  });

  it("requires every question asked, the breast question of a woman from 30", () => {
    const { breast_change: _b, ...rest } = all("no");
    expect(parse(rest).errors).toEqual({ breast_change: "answer_required" });
    expect(parse({ ...all("no"), cough_two_weeks: "" }).errors).toEqual({ cough_two_weeks: "answer_required" });
  });

  it("lets a man leave the breast question out", () => {
    expect(parse(all("no", man35), man35).values?.breast_change).toBeNull();
  });

  it.each(["maybe", "1", "YES", 3])("refuses the answer %j", (typed) => {
    expect(parse({ ...all("no"), tobacco: typed }).errors).toEqual({ tobacco: "answer_invalid" });
  });

  it("refuses a form that is not an object", () => {
    expect(parse("yes").errors).toEqual({ form: "form_invalid" });
  });
});
