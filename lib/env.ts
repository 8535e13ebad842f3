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

/** Formats every problem with the environment as one line per variable. */
export function describeEnvProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const received = issue.code === "invalid_type" ? "is missing" : issue.message;
    return `${name} ${received}`;
  });
}

/**
 * The validated configuration. Read lazily, so that `next build` can load modules without a
 * database; `instrumentation.ts` calls it at server start so a bad setup fails at once.
 */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = describeEnvProblems(parsed.error);
    throw new Error(`Invalid configuration:\n${lines.map((l) => `  ${l}`).join("\n")}`);
  }
  const value = parsed.data;
  if (value.SMS_PROVIDER === "http" && !value.SMS_HTTP_URL) {
    throw new Error("Invalid configuration:\n  SMS_HTTP_URL is required when SMS_PROVIDER=http");
  }
  cached = value;
  return value;
}

/** Development tools (the SMS outbox page) exist only with the dev SMS sender. */
export function devToolsEnabled(): boolean {
  return env().SMS_PROVIDER === "dev";
}
