/**
 * The words of a prescription line besides the medicine: how often, what to do with it, and for
 * how long. Urdu first on the printed page, so each phrase is written as the patient will read it.
 */

export type Frequency = { code: string; en: string; ur: string; perDay: number | null };

/** Dose frequencies; `perDay` is the doses a day for counting tablets, null when it cannot be counted (as needed, once only). */
export const frequencies = [
  { code: "od", en: "Once a day", ur: "دن میں ایک بار", perDay: 1 },
  { code: "bd", en: "Twice a day", ur: "دن میں دو بار (صبح، شام)", perDay: 2 },
  { code: "tds", en: "Three times a day", ur: "دن میں تین بار", perDay: 3 },
  { code: "qds", en: "Four times a day", ur: "دن میں چار بار", perDay: 4 },
  { code: "hs", en: "At bedtime", ur: "رات سونے سے پہلے", perDay: 1 },
  { code: "q6h", en: "Every 6 hours", ur: "ہر 6 گھنٹے بعد", perDay: 4 },
  { code: "q8h", en: "Every 8 hours", ur: "ہر 8 گھنٹے بعد", perDay: 3 },
  { code: "q12h", en: "Every 12 hours", ur: "ہر 12 گھنٹے بعد", perDay: 2 },
  { code: "prn", en: "When needed", ur: "ضرورت کے وقت", perDay: null },
  { code: "stat", en: "Once only, now", ur: "صرف ایک بار، ابھی", perDay: null },
  { code: "weekly", en: "Once a week", ur: "ہفتے میں ایک بار", perDay: 1 / 7 },
] as const satisfies readonly Frequency[];

export type FrequencyCode = (typeof frequencies)[number]["code"];

/** Standard instructions that go with a prescription line. */
export const instructions = [
  { code: "after_food", en: "After food", ur: "کھانے کے بعد" },
  { code: "before_food", en: "Before food", ur: "کھانے سے پہلے" },
  { code: "with_food", en: "With food", ur: "کھانے کے ساتھ" },
  { code: "empty_stomach", en: "On an empty stomach", ur: "خالی پیٹ" },
  { code: "plenty_of_water", en: "With plenty of water", ur: "زیادہ پانی کے ساتھ" },
  { code: "complete_course", en: "Finish the course; do not stop early", ur: "پورا کورس کریں، بیچ میں نہ چھوڑیں" },
  { code: "shake_well", en: "Shake well before use", ur: "استعمال سے پہلے اچھی طرح ہلائیں" },
  { code: "apply_thinly", en: "Apply thinly", ur: "پتلی تہہ لگائیں" },
  { code: "external_use_only", en: "For external use only", ur: "صرف باہر لگانے کے لیے، کھانا نہیں" },
  { code: "scabies_whole_body", en: "Apply from the neck down to the whole body; wash off after 8 to 12 hours", ur: "گردن سے نیچے پورے جسم پر لگائیں، 8 سے 12 گھنٹے بعد نہا لیں" },
  { code: "dissolve_in_water", en: "Dissolve in a little clean water", ur: "تھوڑے سے صاف پانی میں گھول لیں" },
  { code: "ors_one_litre", en: "Mix one sachet in 1 litre of clean water; use within 24 hours", ur: "ایک پیکٹ ایک لیٹر صاف پانی میں گھولیں، 24 گھنٹے کے اندر استعمال کریں" },
  { code: "chew", en: "Chew before swallowing", ur: "چبا کر نگلیں" },
  { code: "under_tongue", en: "Place under the tongue", ur: "زبان کے نیچے رکھیں" },
  { code: "swallow_whole", en: "Swallow whole; do not crush or chew", ur: "ثابت نگلیں، توڑیں یا چبائیں نہیں" },
  { code: "may_cause_drowsiness", en: "May cause drowsiness; do not drive", ur: "اس سے نیند آ سکتی ہے، گاڑی نہ چلائیں" },
  { code: "keep_in_fridge", en: "Keep in the fridge", ur: "فریج میں رکھیں" },
] as const;

export type InstructionCode = (typeof instructions)[number]["code"];

/** Units of a prescription's duration, with their length in days for counting doses. */
export const durationUnits = [
  { code: "days", en: "days", ur: "دن", days: 1 },
  { code: "weeks", en: "weeks", ur: "ہفتے", days: 7 },
  { code: "months", en: "months", ur: "مہینے", days: 30 },
] as const;

export type DurationUnit = (typeof durationUnits)[number]["code"];

/** The frequency with this code, or undefined. */
export function findFrequency(code: string) {
  return frequencies.find((frequency) => frequency.code === code);
}

/** The instruction phrase with this code, or undefined. */
export function findInstruction(code: string) {
  return instructions.find((instruction) => instruction.code === code);
}

/** The duration unit with this code, or undefined. */
export function findDurationUnit(code: string) {
  return durationUnits.find((unit) => unit.code === code);
}

/**
 * How many doses a course takes (frequency × duration), rounded up, or null when the frequency
 * cannot be counted (as needed) or the amount is not a positive number. A single stat dose is 1.
 */
export function doseCount(frequencyCode: string, amount: number, unit: DurationUnit): number | null {
  const frequency = findFrequency(frequencyCode);
  if (!frequency) return null;
  if (frequency.code === "stat") return 1;
  if (frequency.perDay === null || !(amount > 0)) return null;
  const days = amount * findDurationUnit(unit)!.days;
  // 1/7 a day for 28 days is 4 doses, not 4.000000000000001 rounded up to 5.
  return Math.ceil(Math.round(days * frequency.perDay * 1e6) / 1e6);
}
