import type { Dhis2Connection } from "@/lib/dhis2/client";
import { env } from "@/lib/env";

/**
 * The DHIS2 this deployment reports to, from DHIS2_BASE_URL and its credentials (a personal
 * access token, or a username and password), or null when none is configured. lib/env.ts has
 * already refused half a configuration.
 */
export function dhis2Connection(): Dhis2Connection | null {
  const { DHIS2_BASE_URL, DHIS2_TOKEN, DHIS2_USERNAME, DHIS2_PASSWORD } = env();
  if (!DHIS2_BASE_URL) return null;
  if (DHIS2_TOKEN) return { baseUrl: DHIS2_BASE_URL, auth: { kind: "token", token: DHIS2_TOKEN } };
  if (DHIS2_USERNAME && DHIS2_PASSWORD) return { baseUrl: DHIS2_BASE_URL, auth: { kind: "basic", username: DHIS2_USERNAME, password: DHIS2_PASSWORD } };
  return null;
}

/** True when this server has a DHIS2 to send to (the page says so when it has not). */
export function dhis2Configured(): boolean {
  return dhis2Connection() !== null;
}
