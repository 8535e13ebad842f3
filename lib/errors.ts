import type { z } from "zod";

/**
 * `forbidden` is only for requests that are refused whoever sends them (a cross-site write);
 * another user's data is `not_found`. `unavailable` is a dependency that is down for now
 * (the database), which the caller may retry.
 */
export type ErrorCode = "invalid" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "unavailable";

const httpStatus: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

type Catalog = import("./i18n/config").Messages;
/** The queue's own wording of its refusals, `queue.error_<key>` (app/(staff)/queue/error-text.ts). */
type QueueErrorKey = keyof Catalog["queue"] extends infer K ? (K extends `error_${infer Key}` ? Key : never) : never;

/**
 * Every message an AppError can carry: a key of the `errors` i18n namespace, or one that the
 * queue (`queue.error_<key>`) or host mode (`host.errors`) words in its own namespace. A key
 * that no catalog has does not compile.
 */
export type ErrorKey = keyof Catalog["errors"] | QueueErrorKey | keyof Catalog["host"]["errors"];

/**
 * Form fields mapped to the message each shows beside it. The values stay plain strings because
 * they come from zod schemas, whose messages TypeScript cannot see.
 */
export type FieldErrors = Record<string, string>;

/** What a rate-limited refusal carries, for "try again in …". */
export type RetryAfter = { retryAfterSeconds: number };

/**
 * The details an error carries, by message key. A domain that throws an error with details
 * declares them beside the throw, by merging into this interface:
 *
 *     declare module "@/lib/errors" {
 *       interface ErrorDetails { likely_duplicate: { matches: DuplicateMatch[] } }
 *     }
 *
 * so that `new AppError(…, "likely_duplicate", …)` must pass them and `isAppError(error,
 * "likely_duplicate")` hands them to the app typed. Keys not declared here carry none.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ErrorDetails {}

/** The details an error with message key `K` carries (an empty object for most keys). */
export type DetailsOf<K extends ErrorKey> = K extends keyof ErrorDetails ? ErrorDetails[K] : Record<never, never>;

/**
 * The one error type lib functions throw for things a user can cause. `messageKey` names an
 * entry of the `errors` i18n namespace; `fieldErrors` map form fields to such keys; `details`
 * are typed per message key (see ErrorDetails) and are required exactly for the keys that
 * declare them.
 */
export class AppError<K extends ErrorKey = ErrorKey> extends Error {
  readonly details: DetailsOf<K>;

  constructor(
    readonly code: ErrorCode,
    readonly messageKey: K,
    readonly fieldErrors: FieldErrors = {},
    ...details: K extends keyof ErrorDetails ? [details: ErrorDetails[K]] : []
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
    this.details = ((details as unknown[])[0] ?? {}) as DetailsOf<K>;
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

/**
 * True when `error` is an AppError (with one of `keys`, when given); narrows its details to
 * that key's, so callers read them without casts.
 */
export function isAppError<K extends ErrorKey = ErrorKey>(error: unknown, ...keys: K[]): error is AppError<K> {
  return error instanceof AppError && (keys.length === 0 || (keys as ErrorKey[]).includes(error.messageKey));
}

export const notFound = () => new AppError("not_found", "not_found");
export const unauthorized = () => new AppError("unauthorized", "unauthorized");

/**
 * What a server action returns to its form: translated by the form, keyed by field.
 * `errorValues` fill the error's placeholders (`{minutes}` in "try again in …").
 */
export type FormState = {
  ok?: boolean;
  message?: ErrorKey;
  fieldErrors?: Record<string, string>;
  errorValues?: Record<string, number>;
  values?: Record<string, string>;
};

/** The values a "try again in …" message interpolates: whole seconds and whole minutes, rounded up. */
export function waitValues(retryAfterSeconds: number): { seconds: number; minutes: number } {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return { seconds, minutes: Math.ceil(seconds / 60) };
}

/** What a request that needed the database gets while the database is out of reach. */
export const databaseUnavailable = () => new AppError("unavailable", "database_unavailable");

// postgres.js's own codes for a connection that failed, broke, was ended or timed out.
const LOST_CONNECTION_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);
// The socket's, from Node: nothing listens, or the peer went away mid-conversation.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// SQLSTATEs of a server shutting down (admin or crash), starting up, or out of connection slots;
// class 08 is "connection exception" as a whole.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

/**
 * True when `error` says the database cannot be reached right now (stopped, restarting,
 * unreachable, out of connection slots), as opposed to a query that failed on a server that
 * is up. Follows `cause` (drizzle wraps the driver's error in its own), but not into a
 * TypeError: that is how fetch reports an HTTP dependency (LiveKit, the SMS gateway) that is
 * down, which is not the database.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    if (current instanceof TypeError) return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (LOST_CONNECTION_CODES.has(code) || SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
        return true;
      }
    }
    // Node reports a refused connection to a host with several addresses as one error per address.
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Maps an error to a JSON API response body and status; unknown errors are not leaked. A
 * database that is out of reach is a 503 the client may retry, not a 500.
 */
export function toHttpError(error: unknown): { status: number; body: { error: { code: string; message: string } } } {
  if (isDatabaseUnavailable(error)) error = databaseUnavailable();
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.messageKey } } };
  }
  console.error(error);
  return { status: 500, body: { error: { code: "internal", message: "internal" } } };
}

/** Turns zod issues into `{ field: messageKey }` for a form. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}

function postgresError(error: unknown): { code?: string; constraint_name?: string } {
  return ((error as { cause?: unknown })?.cause ?? error) as { code?: string; constraint_name?: string };
}

/** True when PostgreSQL rejected a row for a unique constraint or index (optionally the named one). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresError(error);
  return pg?.code === "23505" && (!constraint || pg.constraint_name === constraint);
}

/**
 * Runs a transaction again when PostgreSQL broke a deadlock by aborting it. Two inserts that
 * collide on an exclusion constraint can deadlock instead of one simply waiting for the other;
 * on the retry the loser sees the winner's row and gets the ordinary violation.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (postgresError(error)?.code !== "40P01" || attempt >= attempts) throw error;
    }
  }
}

/** True when PostgreSQL rejected a row for the named exclusion constraint. */
export function isExclusionViolation(error: unknown, constraint: string): boolean {
  const pg = postgresError(error);
  return pg?.code === "23P01" && pg.constraint_name === constraint;
}

/**
 * The form state for an error thrown by a lib function: field errors where the function named
 * a field, a form message otherwise, and the user's input echoed back so nothing is lost.
 * A database out of reach is a form message too ("try again"). Other errors are re-thrown.
 */
export function formStateFrom(error: unknown, values: Record<string, string>): FormState {
  if (isDatabaseUnavailable(error)) return { ok: false, message: "database_unavailable", fieldErrors: {}, values };
  if (!(error instanceof AppError)) throw error;
  const hasFields = Object.keys(error.fieldErrors).length > 0;
  const details: object = error.details;
  return {
    ok: false,
    message: hasFields ? undefined : error.messageKey,
    fieldErrors: error.fieldErrors,
    ...("retryAfterSeconds" in details && typeof details.retryAfterSeconds === "number" ? { errorValues: waitValues(details.retryAfterSeconds) } : {}),
    values,
  };
}
