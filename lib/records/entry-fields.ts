import { z } from "zod";
import { AppError, fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { toAsciiDigits } from "@/lib/identifiers/identifiers";

/**
 * Form fields shared by the clinical entries of a consultation (diagnoses, allergies, problems,
 * lab results, referrals). Every error is a message key of the `errors` namespace.
 */

/** A text box whose blank (or only spaces) means "not given": undefined, else the trimmed text. */
export function optionalWords(max: number, tooLong: string) {
  return z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(z.string().max(max, tooLong).optional());
}

/**
 * An entry named either from a shipped list (the `codeField`, "code" unless named) or, when
 * nothing fits, in the clinician's words (`freeText`): exactly one of the two. `known` gives the
 * list's own spelling of a code, or undefined when it is not on the list. Errors sit on the list
 * field, where the clinician looks first.
 */
export function codeOrFreeText(known: (code: string) => string | undefined, codeField = "code", max = 200) {
  return z
    .object({
      [codeField]: optionalWords(40, "entry_unknown"),
      freeText: optionalWords(max, "entry_text_too_long"),
    } as Record<string, ReturnType<typeof optionalWords>>)
    .transform((entry, ctx): { code: string | null; freeText: string | null } => {
      const typed = entry[codeField];
      const fail = (message: string) => {
        ctx.addIssue({ code: "custom", message, path: [codeField] });
        return z.NEVER;
      };
      if (typed && entry.freeText) return fail("entry_code_or_text");
      if (!typed && !entry.freeText) return fail("entry_required");
      if (!typed) return { code: null, freeText: entry.freeText! };
      const code = known(typed);
      return code ? { code, freeText: null } : fail("entry_unknown");
    });
}

/** Whether `text` is a real YYYY-MM-DD calendar date (no 30 February). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date (as `<input type="date">` posts it, Urdu digits accepted) that is not after
 * `today` (clinic-local YYYY-MM-DD). Blank is undefined unless `required`.
 */
export function pastDate(today: string, message: string, options: { required?: boolean } = {}) {
  return z
    .string({ error: message })
    .optional()
    .transform((raw, ctx): string | undefined => {
      const text = toAsciiDigits(raw ?? "").trim();
      if (text === "") {
        if (options.required) ctx.addIssue({ code: "custom", message });
        return undefined;
      }
      if (!isCalendarDate(text) || text > today || text < "1900-01-01") {
        ctx.addIssue({ code: "custom", message });
        return undefined;
      }
      return text;
    });
}

type Parsed<T extends readonly z.ZodType[]> = { [K in keyof T]: z.output<T[K]> };

/**
 * Parses one form's input with several schemas (the parts of an entry) and reports every bad
 * field at once: AppError("invalid", "form_invalid") with each field's message key.
 */
export function parseFields<const T extends readonly z.ZodType[]>(input: unknown, ...schemas: T): Parsed<T> {
  const results = schemas.map((schema) => schema.safeParse(input));
  const errors: FieldErrors = {};
  for (const result of results) if (!result.success) Object.assign(errors, { ...fieldErrorsOf(result.error), ...errors });
  if (Object.keys(errors).length > 0) throw new AppError("invalid", "form_invalid", errors);
  return results.map((result) => result.data) as Parsed<T>;
}
