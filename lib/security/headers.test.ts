import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, permissionsPolicy, requestSecurityHeaders, type HeaderContext } from "./headers";

const context: HeaderContext = {
  nonce: "bm9uY2UtZm9yLXRlc3Q",
  pathname: "/",
  livekitUrl: "wss://media.rabta.example:7880",
  https: true,
  development: false,
};

function directive(policy: string, name: string): string[] | undefined {
  const found = policy.split("; ").find((part) => part.split(" ")[0] === name);
  return found?.split(" ").slice(1);
}

describe("contentSecurityPolicy", () => {
  it("allows scripts from self and this request's nonce only, with nothing inline or evaluated", () => {
    const scripts = directive(contentSecurityPolicy(context), "script-src");
    expect(scripts).toEqual(["'self'", "'nonce-bm9uY2UtZm9yLXRlc3Q'"]);
  });

  it("connects to self and the configured LiveKit host, in both its schemes, and nowhere else", () => {
    expect(directive(contentSecurityPolicy(context), "connect-src")).toEqual([
      "'self'",
      "wss://media.rabta.example:7880",
      "https://media.rabta.example:7880",
    ]);
    const local = contentSecurityPolicy({ ...context, livekitUrl: "ws://127.0.0.1:7890" });
    expect(directive(local, "connect-src")).toEqual(["'self'", "ws://127.0.0.1:7890", "http://127.0.0.1:7890"]);
  });

  it("forbids framing and plugins", () => {
    const policy = contentSecurityPolicy(context);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
  });

  it("lets only `next dev` evaluate code", () => {
    expect(directive(contentSecurityPolicy({ ...context, development: true }), "script-src")).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(context)).not.toContain("unsafe-eval");
  });
});

describe("permissionsPolicy", () => {
  it("grants camera and microphone on the call page only", () => {
    expect(permissionsPolicy("/consult/0b6f1c1e-0000-4000-8000-000000000000")).toContain("camera=(self), microphone=(self)");
    for (const pathname of ["/", "/waiting/x", "/queue", "/consultx"]) {
      expect(permissionsPolicy(pathname)).toContain("camera=(), microphone=()");
    }
  });

  it("grants the device's location to the staff check-in page only", () => {
    expect(permissionsPolicy("/attendance")).toContain("geolocation=(self)");
    expect(permissionsPolicy("/attendance")).toContain("camera=()");
    for (const pathname of ["/", "/consult/0b6f1c1e-0000-4000-8000-000000000000", "/attendance/x", "/queue"]) {
      expect(permissionsPolicy(pathname)).toContain("geolocation=()");
    }
  });
});

describe("requestSecurityHeaders", () => {
  it("sends HSTS over TLS only", () => {
    expect(requestSecurityHeaders(context)["strict-transport-security"]).toMatch(/^max-age=\d{8}/);
    expect(requestSecurityHeaders({ ...context, https: false })).not.toHaveProperty("strict-transport-security");
  });
});
