import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgres://rabta:pw@127.0.0.1:5432/rabta",
  AUTH_SECRET: "x".repeat(32),
  LIVEKIT_URL: "ws://127.0.0.1:7880",
  LIVEKIT_API_KEY: "devkey",
  LIVEKIT_API_SECRET: "y".repeat(32),
};

describe("parseEnv", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const result = parseEnv(valid);
    expect(result.ok && result.env.SMS_PROVIDER).toBe("dev");
  });

  it("names every missing or bad variable on its own line", () => {
    const result = parseEnv({ ...valid, DATABASE_URL: "mysql://x", AUTH_SECRET: undefined, LIVEKIT_API_SECRET: "short" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    expect(result.problems).toContain("DATABASE_URL must be a postgres:// URL");
    expect(result.problems).toContain("AUTH_SECRET is missing");
    expect(result.problems.find((line) => line.startsWith("LIVEKIT_API_SECRET"))).toMatch(/at least 32/);
  });

  it("requires the gateway URL when SMS goes over HTTP", () => {
    expect(parseEnv({ ...valid, SMS_PROVIDER: "http" })).toEqual({
      ok: false,
      problems: ["SMS_HTTP_URL is required when SMS_PROVIDER=http"],
    });
  });

  it("defaults the sign-in limits and the idle time, and refuses nonsense", () => {
    const result = parseEnv(valid);
    expect(result.ok && result.env).toMatchObject({
      TRUST_PROXY_HOPS: 0,
      SMS_HOURLY_BUDGET: 1000,
      SIGN_IN_CODES_PER_CLIENT_HOUR: 30,
      SIGN_IN_WRONG_CODES_PER_CLIENT_HOUR: 30,
      STAFF_IDLE_MINUTES: 15,
    });
    expect(parseEnv({ ...valid, TRUST_PROXY_HOPS: "1", STAFF_IDLE_MINUTES: "30" })).toMatchObject({
      ok: true,
      env: { TRUST_PROXY_HOPS: 1, STAFF_IDLE_MINUTES: 30 },
    });
    const bad = parseEnv({ ...valid, TRUST_PROXY_HOPS: "-1", SMS_HOURLY_BUDGET: "lots", STAFF_IDLE_MINUTES: "1", SIGN_IN_CODES_PER_CLIENT_HOUR: "2.5" });
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
