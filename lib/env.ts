import { z } from "zod";

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
