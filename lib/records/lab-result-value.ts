import { toAsciiDigits } from "@/lib/identifiers/identifiers";
import type { LabTest } from "./catalog/lab-tests";

// numeric(10, 2): eight digits before the point.
const MAX_NUMERIC = 99_999_999;

/**
 * A typed lab result as its test's result kind stores it: a number (Urdu digits and a decimal
 * comma accepted, two decimals kept) for a numeric test, "positive"/"negative" for a qualitative
 * one, the words for a text one; both null when nothing was typed. A message key of the `value`
 * field when it cannot be read.
 */
export function readLabValue(test: LabTest, typed: string | undefined): { valueNumeric: number | null; valueText: string | null } | string {
  if (!typed) return { valueNumeric: null, valueText: null };
  if (test.resultKind === "numeric") {
    const text = toAsciiDigits(typed).replace(/[,\u066b]/g, ".");
    if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) || Number(text) > MAX_NUMERIC) return "lab_value_number";
    return { valueNumeric: Math.round(Number(text) * 100) / 100, valueText: null };
  }
  if (test.resultKind === "positive_negative") {
    return typed === "positive" || typed === "negative" ? { valueNumeric: null, valueText: typed } : "lab_value_choice";
  }
  return typed.length > 2000 ? "lab_value_too_long" : { valueNumeric: null, valueText: typed };
}
