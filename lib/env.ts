import { z } from "zod";

/** A whole number from the environment (a string), within bounds. */
function count(expected: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.coerce.number({ error: `must be ${expected}` }).int(`must be ${expected}`).min(min, `must be ${expected}`).max(max, `must be ${expected}`);
}

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one: openssl rand -base64 33)"),
  LIVEKIT_URL: z.url({ protocol: /^(wss?|https?)$/, error: "must be a ws://, wss://, http:// or https:// URL" }),
  LIVEKIT_API_KEY: z.string().min(1, "is required"),
  LIVEKIT_API_SECRET: z.string().min(32, "must be at least 32 characters"),
  SMS_PROVIDER: z.enum(["dev", "http"]).default("dev"),
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
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
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/**
 * Checks a set of variables against the schema. Every problem comes back as one line naming
 * the variable, so an operator can fix them all in one go.
 */
export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: Env } | { ok: false; problems: string[] } {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      return `${name} ${source[name] === undefined ? "is missing" : issue.message}`;
    });
    return { ok: false, problems };
  }
  if (parsed.data.SMS_PROVIDER === "http" && !parsed.data.SMS_HTTP_URL) {
    return { ok: false, problems: ["SMS_HTTP_URL is required when SMS_PROVIDER=http"] };
  }
  return { ok: true, env: parsed.data };
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

/** Development tools (the SMS outbox page) exist only with the dev SMS sender. */
export function devToolsEnabled(): boolean {
  return env().SMS_PROVIDER === "dev";
}
