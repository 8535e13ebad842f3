import { describe, expect, it } from "vitest";
import { DEMO_LIVEKIT_SECRET } from "./demo";
import { parseEnv, secretWeakness } from "./env";

// A deployment's settings: a real gateway and secrets that appear nowhere but here.
const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://rabta:pw@127.0.0.1:5432/rabta",
  AUTH_SECRET: "Qm9vdHN0cmFwLXRlc3Qtb25seS1hdXRoLXNlY3JldC1rM2Y5",
  LIVEKIT_URL: "wss://livekit.example.org",
  LIVEKIT_API_KEY: "APIq8Vn2",
  LIVEKIT_API_SECRET: "Zk2hT9wLq4xB7mN1pR6sV3yC8dF5gJ0a",
  SMS_PROVIDER: "http",
  SMS_HTTP_URL: "https://sms-gateway.example.org/send",
};

const demo = { ...production, RABTA_DEMO: "1", SMS_PROVIDER: undefined, SMS_HTTP_URL: undefined, LIVEKIT_API_SECRET: DEMO_LIVEKIT_SECRET };

function problemsOf(source: Record<string, string | undefined>): string[] {
  const result = parseEnv(source);
  return result.ok ? [] : result.problems;
}

describe("parseEnv", () => {
  it("accepts a deployment's configuration", () => {
    const result = parseEnv(production);
    expect(result.ok && result.env).toMatchObject({ SMS_PROVIDER: "http", demo: false });
  });

  it("names every missing or bad variable on its own line", () => {
    const problems = problemsOf({ ...production, DATABASE_URL: "mysql://x", AUTH_SECRET: undefined, LIVEKIT_API_SECRET: "short" });
    expect(problems).toHaveLength(3);
    expect(problems).toContain("DATABASE_URL must be a postgres:// URL");
    expect(problems).toContain("AUTH_SECRET is missing");
    expect(problems.find((line) => line.startsWith("LIVEKIT_API_SECRET"))).toMatch(/at least 32/);
  });

  it("requires the gateway URL when SMS goes over HTTP", () => {
    expect(problemsOf({ ...production, SMS_HTTP_URL: undefined })).toEqual(["SMS_HTTP_URL is required when SMS_PROVIDER=http"]);
  });

  it("accepts the published demo values only on a server that says it is a demo", () => {
    const result = parseEnv(demo);
    expect(result.ok && result.env).toMatchObject({ SMS_PROVIDER: "dev", demo: true });
  });

  it("refuses each unsafe setting without RABTA_DEMO=1, one line each, whatever NODE_ENV says", () => {
    for (const NODE_ENV of ["production", "development"]) {
      const lines = problemsOf({ ...demo, NODE_ENV, RABTA_DEMO: undefined, AUTH_SECRET: "x".repeat(40) });
      expect(lines).toHaveLength(3);
      expect(lines.find((l) => l.startsWith("SMS_PROVIDER is missing"))).toMatch(/real gateway/);
      expect(lines.find((l) => l.startsWith("LIVEKIT_API_SECRET"))).toMatch(/published demo secret/);
      expect(lines.find((l) => l.startsWith("AUTH_SECRET"))).toMatch(/too few distinct characters/);
    }
    expect(problemsOf({ ...production, SMS_PROVIDER: "dev" })[0]).toMatch(/^SMS_PROVIDER is dev: /);
    expect(problemsOf({ ...production, RABTA_DEMO: "0", SMS_PROVIDER: "dev" })).toHaveLength(1);
  });

  it("reports unsafe settings together with schema problems, so one start shows them all", () => {
    const lines = problemsOf({ ...production, DATABASE_URL: undefined, SMS_PROVIDER: undefined });
    expect(lines).toEqual(["DATABASE_URL is missing", expect.stringMatching(/^SMS_PROVIDER is missing/)]);
  });

  it("defaults the sign-in limits and the idle time, and refuses nonsense", () => {
    const result = parseEnv(production);
    expect(result.ok && result.env).toMatchObject({
      TRUST_PROXY_HOPS: 0,
      SMS_HOURLY_BUDGET: 1000,
      SIGN_IN_CODES_PER_CLIENT_HOUR: 30,
      SIGN_IN_WRONG_CODES_PER_CLIENT_HOUR: 30,
      STAFF_IDLE_MINUTES: 15,
    });
    expect(parseEnv({ ...production, TRUST_PROXY_HOPS: "1", STAFF_IDLE_MINUTES: "30" })).toMatchObject({
      ok: true,
      env: { TRUST_PROXY_HOPS: 1, STAFF_IDLE_MINUTES: 30 },
    });
    const bad = parseEnv({ ...production, TRUST_PROXY_HOPS: "-1", SMS_HOURLY_BUDGET: "lots", STAFF_IDLE_MINUTES: "1", SIGN_IN_CODES_PER_CLIENT_HOUR: "2.5" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.sort()).toEqual([
      "SIGN_IN_CODES_PER_CLIENT_HOUR must be a whole number, 1 or more",
      "SMS_HOURLY_BUDGET must be a whole number, 1 or more",
      "STAFF_IDLE_MINUTES must be a whole number of minutes, 2 to 720",
      "TRUST_PROXY_HOPS must be a whole number, 0 or more",
    ]);
  });
});

describe("the DHIS2 connection settings", () => {
  const url = "https://dhis2.example.org";
  it("are optional, and take a token or a username with a password", () => {
    expect(problemsOf(production)).toEqual([]);
    expect(problemsOf({ ...production, DHIS2_BASE_URL: url, DHIS2_TOKEN: "d2pat_example" })).toEqual([]);
    expect(problemsOf({ ...production, DHIS2_BASE_URL: url, DHIS2_USERNAME: "rabta", DHIS2_PASSWORD: "pw" })).toEqual([]);
  });

  it("refuses half a configuration, two ways to sign in, and a URL that is not one", () => {
    expect(problemsOf({ ...production, DHIS2_BASE_URL: url })).toEqual([expect.stringMatching(/^DHIS2_BASE_URL needs DHIS2_TOKEN/)]);
    expect(problemsOf({ ...production, DHIS2_BASE_URL: url, DHIS2_USERNAME: "rabta" })).toEqual([expect.stringMatching(/DHIS2_PASSWORD/)]);
    expect(problemsOf({ ...production, DHIS2_TOKEN: "d2pat_example" })).toEqual([expect.stringMatching(/^DHIS2_BASE_URL is missing/)]);
    expect(problemsOf({ ...production, DHIS2_BASE_URL: url, DHIS2_TOKEN: "t", DHIS2_USERNAME: "u", DHIS2_PASSWORD: "p" })).toEqual([
      expect.stringMatching(/choose one way/),
    ]);
    expect(problemsOf({ ...production, DHIS2_BASE_URL: "dhis2.example.org", DHIS2_TOKEN: "t" })).toEqual([expect.stringMatching(/^DHIS2_BASE_URL must be/)]);
  });
});

describe("secretWeakness", () => {
  it("flags published values, placeholders and low-variety strings, and passes random ones", () => {
    expect(secretWeakness("dev-only-auth-secret-".padEnd(40, "x"))).toMatch(/published/);
    expect(secretWeakness("please-change-me-before-going-live-now")).toMatch(/placeholder/);
    expect(secretWeakness("abababababababababababababababab")).toMatch(/distinct/);
    expect(secretWeakness(production.AUTH_SECRET)).toBeNull();
    // The shape scripts/demo.ts generates: 32 random bytes in base64url.
    expect(secretWeakness("3q2-7wEXAMPLEnot-but-9aZ_k1LmN0pQrStUvWxY")).toMatch(/placeholder/);
    expect(secretWeakness("3q2-7wJ8Hc4Bn1dK9aZ_k1LmN0pQrStUvWxYzA")).toBeNull();
  });

});
