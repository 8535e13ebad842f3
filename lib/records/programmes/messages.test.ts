import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/config";
import {
  antenatalContacts,
  antenatalEnrolmentInputFor,
  antenatalItems,
  answerScale,
  bloodPressureFlags,
  difficultyScale,
  gad7Input,
  gad7Items,
  glucoseFlags,
  glucoseScreenFlags,
  phq9Input,
  phq9Items,
  preventiveQuestions,
  preventiveScreeningInputFor,
  screenPreventive,
  scoreGad7,
  scorePhq9,
  type PreventiveAnswers,
} from "./index";

// Every key the rules hand to the UI must have its words, or a screen would show a raw key.
const messages = catalogs.en.programmes;
const keysOf = (node: object) => Object.keys(node).sort();

describe("programme messages", () => {
  it("word every antenatal item, and every item a contact uses", () => {
    expect(keysOf(messages.antenatal.items)).toEqual([...antenatalItems].sort());
    for (const contact of antenatalContacts()) for (const item of contact.items) expect(antenatalItems).toContain(item);
  });

  it("word every flag", () => {
    expect(keysOf(messages.chronic.bp.flags)).toEqual([...bloodPressureFlags].sort());
    expect(keysOf(messages.chronic.glucose.flags)).toEqual([...glucoseFlags].sort());
    expect(keysOf(messages.chronic.glucose.screenFlags)).toEqual([...glucoseScreenFlags].sort());
  });

  it("word every questionnaire item, answer, band and prompt", () => {
    expect(keysOf(messages.phq9.items)).toEqual([...phq9Items].sort());
    expect(keysOf(messages.gad7.items)).toEqual([...gad7Items].sort());
    expect(keysOf(messages.answers)).toEqual(answerScale.map((a) => a.key).sort());
    expect(keysOf(messages.difficulty)).toEqual([...difficultyScale, "question"].sort());
    const phqAnswers = (value: number) => Object.fromEntries(phq9Items.map((item) => [item, value])) as Record<(typeof phq9Items)[number], number>;
    const gadAnswers = (value: number) => Object.fromEntries(gad7Items.map((item) => [item, value])) as Record<(typeof gad7Items)[number], number>;
    for (const value of [0, 1, 2, 3]) {
      const phq = scorePhq9({ ...phqAnswers(value), self_harm: 0 });
      expect(messages.phq9.bands).toHaveProperty(phq.band);
      expect(messages.followUp).toHaveProperty(phq.followUp.prompt);
      expect(messages.urgency).toHaveProperty(phq.followUp.urgency);
      const gad = scoreGad7(gadAnswers(value));
      expect(messages.gad7.bands).toHaveProperty(gad.band);
      expect(messages.followUp).toHaveProperty(gad.followUp.prompt);
    }
    expect(messages.followUp).toHaveProperty(scorePhq9(phqAnswers(1)).followUp.prompt);
  });

  it("word every screening question, finding, follow-up and kind", () => {
    expect(keysOf(messages.screening.questions)).toEqual([...preventiveQuestions].sort());
    // "Yes" to every question but the BP one, whose worrying answer is "no".
    const allYes = { ...(Object.fromEntries(preventiveQuestions.map((q) => [q, true])) as PreventiveAnswers), bp_checked_last_year: false };
    const findings = [
      ...screenPreventive(allYes, { age: 45, sex: "female" }).findings,
      ...screenPreventive({ ...allYes, diabetes_symptoms: false }, { age: 45, sex: "female" }).findings,
    ];
    for (const finding of findings) {
      expect(messages.screening.findings).toHaveProperty(finding.code);
      expect(messages.screening.followUps).toHaveProperty(finding.followUp.what);
      expect(messages.screening.kinds).toHaveProperty(finding.followUp.kind);
    }
    expect(keysOf(messages.screening.findings)).toEqual([...new Set(findings.map((f) => f.code))].sort());
  });

  it("word every error a form can show", () => {
    const issued = new Set<string>();
    const collect = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
      result.error?.issues.forEach((issue) => issued.add(issue.message));
    const enrol = antenatalEnrolmentInputFor("2026-03-02");
    for (const lmp of [undefined, "", "2026-02-30", "2026-03-03", "2024-01-01"]) collect(enrol.safeParse({ lastMenstrualPeriod: lmp }));
    collect(enrol.safeParse(null));
    collect(phq9Input.safeParse({ interest: "9" }));
    collect(gad7Input.safeParse(null));
    collect(preventiveScreeningInputFor({ age: 45, sex: "female" }).safeParse({ tobacco: "maybe" }));
    // The enrolment use case's own (lib/records/enrol-programme.ts, tested against the database).
    for (const key of ["programme_required", "antenatal_female_only"]) issued.add(key);
    expect([...issued].sort()).toEqual(keysOf(messages.errors));
  });
});
