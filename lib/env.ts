import { z } from "zod";
import { DEMO_LIVEKIT_SECRET, PUBLISHED_SECRETS } from "./demo";

/** A whole number from the environment (a string), within bounds. */
function count(expected: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.coerce.number({ error: `must be ${expected}` }).int(`must be ${expected}`).min(min, `must be ${expected}`).max(max, `must be ${expected}`);
}

const envSchema = z.object({
  // The app's own connection: a role that may read and write the tables but not rewrite the
  // audit trail or a signed note (rabta_app, see db/migrations/0010_record.sql).
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }),
  // The tables' owner, used only to migrate at start. The app refuses to start when DATABASE_URL
  // itself could alter the audit trail (db/app-role.ts), so the two are different roles.
  DATABASE_OWNER_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one: openssl rand -base64 33)"),
  LIVEKIT_URL: z.url({ protocol: /^(wss?|https?)$/, error: "must be a ws://, wss://, http:// or https:// URL" }),
  LIVEKIT_API_KEY: z.string().min(1, "is required"),
  LIVEKIT_API_SECRET: z.string().min(32, "must be at least 32 characters"),
  // Outside a demo an operator must name the real gateway (see unsafeSettings); a demo defaults to dev.
  SMS_PROVIDER: z.enum(["dev", "http"]).optional(),
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // The one switch for development conveniences (dev SMS outbox, demo keys and passwords).
  RABTA_DEMO: z.enum(["0", "1"], { error: "must be 1 (a demo or test server) or 0" }).optional(),
  // How many reverse proxies in front of the app append to X-Forwarded-For. 0: the header is
  // ignored and the client is the socket's peer (see lib/auth/client-address.ts).
  TRUST_PROXY_HOPS: count("a whole number, 0 or more", 0).default(0),
  // Sign-in codes the whole deployment may send per clock hour, whoever asks: a ceiling on
  // what anyone can make us spend on SMS.
  SMS_HOURLY_BUDGET: count("a whole number, 1 or more", 1).default(1000),
  // Per client address (one clinic behind one NAT, or many phones behind a carrier's).
  SIGN_IN_CODES_PER_CLIENT_HOUR: count("a whole number, 1 or more", 1).default(30),
  SIGN_IN_WRONG_CODES_PER_CLIENT_HOUR: count("a whole number, 1 or more", 1).default(30),
  // Staff sessions end after this long without the user's input (facility devices are shared).
  STAFF_IDLE_MINUTES: count("a whole number of minutes, 2 to 720", 2, 720).default(15),
  // The Chromium that renders printable records to PDF (lib/records/documents/pdf.ts): Debian's by default.
  CHROMIUM_PATH: z.string().min(1, "must be the path of a Chromium or Chrome binary").default("/usr/bin/chromium"),
  // The port `next start` listens on (Next reads PORT itself); the PDF renderer calls back on it.
  PORT: count("a port number, 1 to 65535", 1, 65535).default(3000),
  // Where that Chromium reaches this instance's print pages; http://127.0.0.1:$PORT when unset.
  RABTA_INTERNAL_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  // The district's DHIS2 (lib/dhis2-export): unset, the export page says so and sends are refused.
  DHIS2_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL (the DHIS2 instance, without /api)" }).optional(),
  DHIS2_USERNAME: z.string().min(1, "must not be empty").optional(),
  DHIS2_PASSWORD: z.string().min(1, "must not be empty").optional(),
  // A DHIS2 personal access token (d2pat_...), sent as `Authorization: ApiToken <token>`.
  DHIS2_TOKEN: z.string().min(1, "must not be empty").optional(),
});

export type Env = Omit<z.infer<typeof envSchema>, "SMS_PROVIDER" | "RABTA_DEMO"> & {
  SMS_PROVIDER: "dev" | "http";
  /** RABTA_DEMO=1: a demo or test server, where published demo values are allowed. */
  demo: boolean;
};

let cached: Env | undefined;

/**
 * Checks a set of variables against the schema. Every problem comes back as one line naming
 * the variable, so an operator can fix them all in one go.
 */
export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: Env } | { ok: false; problems: string[] } {
  const parsed = envSchema.safeParse(source);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = issue.path.join(".") || "environment";
        return `${name} ${source[name] === undefined ? "is missing" : issue.message}`;
      });
  const demo = source.RABTA_DEMO === "1";
  if (!demo) problems.push(...unsafeSettings(source));
  if (source.SMS_PROVIDER === "http" && !source.SMS_HTTP_URL) {
    problems.push("SMS_HTTP_URL is required when SMS_PROVIDER=http");
  }
  problems.push(...dhis2Problems(source));
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const { RABTA_DEMO: _demo, SMS_PROVIDER, ...rest } = parsed.data;
  return { ok: true, env: { ...rest, demo, SMS_PROVIDER: SMS_PROVIDER ?? "dev" } };
}

/** DHIS2 needs exactly one way to sign in: a username with its password, or a token. */
function dhis2Problems(source: Record<string, string | undefined>): string[] {
  const basic = source.DHIS2_USERNAME !== undefined || source.DHIS2_PASSWORD !== undefined;
  const token = source.DHIS2_TOKEN !== undefined;
  if (source.DHIS2_BASE_URL === undefined) {
    return basic || token ? ["DHIS2_BASE_URL is missing: DHIS2 credentials are set but not where to send them"] : [];
  }
  if (basic && token) return ["DHIS2_TOKEN and DHIS2_USERNAME/DHIS2_PASSWORD are both set: choose one way to sign in to DHIS2"];
  if (token) return [];
  if (source.DHIS2_USERNAME === undefined || source.DHIS2_PASSWORD === undefined) {
    return ["DHIS2_BASE_URL needs DHIS2_TOKEN (a personal access token) or both DHIS2_USERNAME and DHIS2_PASSWORD"];
  }
  return [];
}

const GENERATE = "generate one: openssl rand -base64 33";

/**
 * What a real deployment must not run with: each of these hands sign-in codes, room tokens or
 * sessions to anyone who has read our README. A demo says RABTA_DEMO=1 to allow them.
 */
function unsafeSettings(source: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (source.SMS_PROVIDER !== "http") {
    problems.push(
      `SMS_PROVIDER ${source.SMS_PROVIDER ? `is ${source.SMS_PROVIDER}` : "is missing"}: set it to http with SMS_HTTP_URL (a real gateway); the dev sender shows every sign-in code on /dev/outbox and is for demos only (RABTA_DEMO=1)`,
    );
  }
  if (source.LIVEKIT_API_SECRET === DEMO_LIVEKIT_SECRET) {
    problems.push(`LIVEKIT_API_SECRET is the published demo secret, so anyone could mint room tokens and forge webhooks; ${GENERATE}`);
  }
  // A short or missing secret is already reported by the schema.
  const weakness = source.AUTH_SECRET && source.AUTH_SECRET.length >= 32 ? secretWeakness(source.AUTH_SECRET) : null;
  if (weakness) problems.push(`AUTH_SECRET ${weakness}, so sessions could be forged; ${GENERATE}`);
  return problems;
}

/**
 * Why a secret that passed the length check is still guessable: a published value, or too
 * little variety to be random (a repeated character, a word padded out, "changeme…").
 * 33 random bytes in base64 have about 30 distinct characters out of 44.
 */
export function secretWeakness(secret: string): string | null {
  if (PUBLISHED_SECRETS.includes(secret)) return "is a value published in Rabta's scripts";
  if (/change.?me|your.?secret|example|placeholder|replace.?this/i.test(secret)) return "is a placeholder";
  if (new Set(secret).size < 16) return "has too few distinct characters to be random";
  return null;
}

/** This process's configuration problems, one line each; none when it may serve. */
export function configurationProblems(): string[] {
  const result = parseEnv(process.env);
  return result.ok ? [] : result.problems;
}

/**
 * The validated configuration. Read lazily, so that `next build` can load modules without a
 * database; `instrumentation.ts` calls it at server start so a bad setup fails at once.
 */
export function env(): Env {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.ok) {
    throw new Error(`Invalid configuration:\n${result.problems.map((line) => `  ${line}`).join("\n")}`);
  }
  cached = result.env;
  return cached;
}

/** Development tools (the SMS outbox page) exist only on a declared demo server (RABTA_DEMO=1). */
export function devToolsEnabled(): boolean {
  return env().demo;
}
