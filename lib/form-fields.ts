import { z } from "zod";

/** An HTML checkbox as a form submits it: "on" when ticked, absent when not. */
export const formCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/**
 * One of `values`, as a form posts it: any string goes in (so callers pass what was typed, no
 * casts), the enum comes out, and a missing or unknown value is the one `message`.
 */
export function formEnum<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.string({ error: message }).pipe(z.enum(values, { error: message }));
}

/** For `z.preprocess`: a blank text box (empty or only spaces) is "not given", so `.optional()` accepts it. */
export function blankAsMissing(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}
