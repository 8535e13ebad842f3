/** A way to deliver one SMS. A real gateway plugs in by configuration (SMS_PROVIDER). */
export interface SmsSender {
  readonly name: string;
  send(toE164: string, body: string): Promise<void>;
}

/** Development: the message only goes to the server log and the dev outbox page. */
export const devSmsSender: SmsSender = {
  name: "dev",
  async send(toE164, body) {
    console.info(`[sms:dev] to ${toE164}: ${body}`);
  },
};

/**
 * A generic HTTP gateway: POSTs `{ to, body }` as JSON with a bearer token. Most Pakistani
 * aggregators accept this shape behind a small adapter.
 */
export function httpSmsSender(url: string, token: string | undefined): SmsSender {
  return {
    name: "http",
    async send(toE164, body) {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: toE164, body }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}
