// Generous for a 2-core machine serving hundreds of simultaneous requests, yet finite: fetch
// itself would wait forever on a server that stops answering.
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * What one request came back with; `status` 0 means no HTTP answer (refused, reset, timed out),
 * and `timedOut` tells the last of those apart: the server kept the request past the deadline.
 */
export type Outcome = { status: number; ms: number; body: unknown; error?: string; timedOut?: boolean };

/**
 * One browser's worth of state against the app: the cookies it was given, sent back on every
 * request. Requests go through Node's global fetch, whose shared agent keeps connections alive.
 */
export class Client {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    // As a browser on our pages would: the app refuses writes whose Origin is not its own.
    if (init.method && init.method !== "GET") headers.set("origin", new URL(path, this.baseUrl).origin);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      headers,
      // Auth.js answers a sign-in with a redirect whose Set-Cookie must be kept, not followed.
      redirect: "manual",
      // A caller holding a long-lived stream (Server-Sent Events) brings its own signal.
      signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /;\s*max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async getJson(path: string): Promise<unknown> {
    const response = await this.request(path);
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`GET ${path} answered ${response.status}`);
    }
    return response.json();
  }

  /**
   * A timed JSON POST: the clock runs from the call to the last byte of the answer, which must
   * come within `timeoutMs` (60 s unless given).
   */
  async postJson(path: string, body: unknown, headers: Record<string, string> = {}, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Outcome> {
    const startedAt = performance.now();
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await this.request(path, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
        signal,
      });
      const text = await response.text();
      const ms = performance.now() - startedAt;
      return { status: response.status, ms, body: parseJson(text) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { status: 0, ms: performance.now() - startedAt, body: null, error: message, timedOut: signal.aborted };
    }
  }
}

/**
 * Signs in as a browser would: Auth.js's CSRF token (and its cookie), then the OTP provider's
 * callback with the phone and code. Returns the user id of the session the app then reports.
 */
export function signInWithOtp(client: Client, phone: string, code: string): Promise<string> {
  return signInWithCredentials(client, "otp", { phone, code }, phone);
}

/** The same for staff: the password provider's callback with the email and password. */
export function signInWithPassword(client: Client, email: string, password: string): Promise<string> {
  return signInWithCredentials(client, "password", { email, password }, email);
}

async function signInWithCredentials(client: Client, provider: string, fields: Record<string, string>, who: string): Promise<string> {
  const { csrfToken } = (await client.getJson("/api/auth/csrf")) as { csrfToken?: string };
  if (!csrfToken) throw new Error("/api/auth/csrf gave no token");
  const response = await client.request(`/api/auth/callback/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, ...fields, callbackUrl: `${client.baseUrl}/` }),
  });
  await response.body?.cancel();
  const location = response.headers.get("location") ?? "";
  // A refused code or password is also a redirect, to the sign-in page with `error=` in the query.
  if (response.status !== 302 || location.includes("error")) {
    throw new Error(`sign-in of ${who} answered ${response.status} ${location}`);
  }
  const session = (await client.getJson("/api/auth/session")) as { user?: { id?: string } } | null;
  const id = session?.user?.id;
  if (!id) throw new Error(`sign-in of ${who} left no session`);
  return id;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
