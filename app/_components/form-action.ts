import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { AppError, fieldErrorsOf, formStateFrom, type FormState } from "@/lib/errors";

/** A text box as the browser posts it; "" when the field was not sent at all. */
export const text = z.string().default("");
/** A text box whose blank means "not given". */
export const optionalText = text.transform((value) => value || undefined);
/** A text box whose blank means "none" (a nullable column). */
export const nullableText = text.transform((value) => value || null);
/** Checkboxes of one name: every ticked value. */
export const checked = z.array(z.string()).default([]);

type FormSchema = z.ZodObject<Record<string, z.ZodType>>;

type FormSteps<S extends FormSchema, R, State extends FormState> = {
  /** The form's fields: each is read from the FormData by its key (a list for array fields). */
  input: S;
  /** The fields echoed back on a refusal, so nothing typed is lost (default: all but secrets). */
  echo?: readonly (keyof z.input<S> & string)[];
  /** The lib's field names that this form calls otherwise (lib `startMinute` → form `startTime`). */
  fieldNames?: Record<string, string>;
  /** The form state after success; may revalidate or redirect (it runs outside the error net). */
  done?: (result: R, values: Record<string, string>) => State | Promise<State>;
  /**
   * A refusal this form shows in its own way (typed details, another error type), or undefined
   * for the usual form state.
   */
  refused?: (error: unknown, values: Record<string, string>, actor: Actor | undefined) => State | undefined | Promise<State | undefined>;
};

/**
 * The one way a server action runs: the signed-in actor (sign-in for a visitor, "not found" for
 * the wrong role), the form's fields parsed by `input`, the use case, and every refusal turned
 * into form state: field errors at their fields, a form message otherwise, the wait of a rate
 * limit as `errorValues`, a database out of reach as "database_unavailable", and the user's
 * input echoed back. Anything else (a bug) propagates to the error page.
 */
export async function formAction<S extends FormSchema, R, State extends FormState = FormState>(
  formData: FormData | undefined,
  steps: FormSteps<S, R, State> & { roles?: readonly Actor["role"][]; run: (actor: Actor, input: z.output<S>, formData: FormData) => Promise<R> },
): Promise<State> {
  let actor: Actor | undefined;
  return submit(
    formData,
    { ...steps, refused: steps.refused && ((error, values) => steps.refused!(error, values, actor)) },
    async (input, data) => steps.run((actor = await requireActor(steps.roles)), input, data),
  );
}

/** formAction for a form that needs no session (signing in). */
export async function publicFormAction<S extends FormSchema, R, State extends FormState = FormState>(
  formData: FormData | undefined,
  steps: FormSteps<S, R, State> & { run: (input: z.output<S>, formData: FormData) => Promise<R> },
): Promise<State> {
  return submit(formData, steps, steps.run);
}

async function submit<S extends FormSchema, R, State extends FormState>(
  formData: FormData = new FormData(),
  steps: FormSteps<S, R, State>,
  run: (input: z.output<S>, formData: FormData) => Promise<R>,
): Promise<State> {
  const raw: Record<string, string | string[] | undefined> = {};
  for (const [name, field] of Object.entries(steps.input.shape)) {
    const posted = formData.getAll(name).filter((value): value is string => typeof value === "string");
    raw[name] = isList(field) ? posted : posted[0];
  }
  const echoed = steps.echo ?? Object.keys(steps.input.shape);
  const values = Object.fromEntries(echoed.map((name) => [name, [raw[name] ?? ""].flat().join(",")]));

  let result: R;
  try {
    const parsed = steps.input.safeParse(raw);
    if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
    result = await run(parsed.data, formData);
  } catch (error) {
    // A redirect or "not found" (the wrong role, a successful sign-in) is navigation, not a refusal.
    unstable_rethrow(error);
    const own = await steps.refused?.(error, values, undefined);
    if (own) return own;
    const state = formStateFrom(error, values);
    const renamed = Object.entries(state.fieldErrors ?? {}).map(([field, key]) => [steps.fieldNames?.[field] ?? field, key]);
    return { ...state, fieldErrors: Object.fromEntries(renamed) } as State;
  }
  return steps.done ? steps.done(result, values) : ({ ok: true } as State);
}

function isList(field: z.ZodType): boolean {
  const unwrapped = field instanceof z.ZodDefault || field instanceof z.ZodOptional ? field.unwrap() : field;
  return unwrapped instanceof z.ZodArray;
}
