import { z } from "zod";

/** An HTML checkbox as a form submits it: "on" when ticked, absent when not. */
export const formCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/**
 * One of a fixed set of choices as a form submits it: any string goes in (so a caller passes the
 * form's value as it came), and anything but one of `choices` is answered with `error` at the field.
 */
export function formChoice<const T extends readonly [string, ...string[]]>(choices: T, error: string) {
  return z.string({ error }).pipe(z.enum(choices, { error }));
}
