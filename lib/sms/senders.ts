/** A way to deliver one SMS. A real gateway plugs in by configuration (SMS_PROVIDER). */
export interface SmsSender {
  readonly name: string;
  send(toE164: string, body: string): Promise<void>;
}

/**
 * The gateway certainly did not take the message (it answered with an error, or could not be
 * reached), so trying again cannot deliver it twice. Any other failure, such as a timeout after
 * the request went out, leaves it unknown whether the phone will get the text.
 */
export class SmsRejectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SmsRejectedError";
  }
}

// Failures that happen before a single byte of the request reaches the gateway.
const unreachableCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

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
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ to: toE164, body }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        const code = ((error as { cause?: { code?: unknown } }).cause?.code ?? "") as string;
        if (unreachableCodes.has(code)) throw new SmsRejectedError(`SMS gateway unreachable (${code})`, { cause: error });
        throw error;
      }
      if (!response.ok) throw new SmsRejectedError(`SMS gateway answered ${response.status}`);
    },
  };
}
