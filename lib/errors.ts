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

/**
 * The one error type lib functions throw for things a user can cause. `messageKey` names an
 * entry of the `errors` i18n namespace; `fieldErrors` map form fields to such keys.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export const notFound = () => new AppError("not_found", "not_found");
export const unauthorized = () => new AppError("unauthorized", "unauthorized");

/**
 * What a server action returns to its form: translated by the form, keyed by field.
 * `errorValues` fill the error's placeholders (`{minutes}` in "try again in …").
 */
export type FormState = {
  ok?: boolean;
  message?: string;
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
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
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
  const retryAfter = error.details.retryAfterSeconds;
  return {
    ok: false,
    message: hasFields ? undefined : error.messageKey,
    fieldErrors: error.fieldErrors,
    ...(typeof retryAfter === "number" ? { errorValues: waitValues(retryAfter) } : {}),
    values,
  };
}

/** The text fields of a submitted form, to echo back. */
export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "")]));
}
