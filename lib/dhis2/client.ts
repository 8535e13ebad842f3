import type { Dhis2DataValueSet } from "@/lib/dhis2/data-value-set";
import { parseImportSummary, type ImportSummary } from "@/lib/dhis2/import-summary";

/** Where a DHIS2 instance is and how to sign in to it: a username and password, or a personal access token (`d2pat_...`). */
export type Dhis2Connection = {
  baseUrl: string;
  auth: { kind: "basic"; username: string; password: string } | { kind: "token"; token: string };
};

/**
 * What came of one send. `imported` means DHIS2 ran the import: the summary's status says whether
 * every value went in (SUCCESS), some did (WARNING) or none did (ERROR). `rejected` means DHIS2
 * refused the request itself (credentials, permissions, a bad request): sending it again unchanged
 * would be refused again.
 */
export type Dhis2SendResult =
  | { kind: "imported"; dryRun: boolean; summary: ImportSummary }
  | { kind: "rejected"; httpStatus: number; message: string };

const DEFAULT_TIMEOUT_MS = 30_000;

function authorization(auth: Dhis2Connection["auth"]): string {
  if (auth.kind === "token") return `ApiToken ${auth.token}`;
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}`;
}

function messageOf(body: unknown): string | undefined {
  if (typeof body === "object" && body !== null && "message" in body && typeof body.message === "string") {
    return body.message;
  }
  return undefined;
}

/**
 * Sends one data value set to DHIS2 (`POST /api/dataValueSets`, identifiers as codes) and says
 * what DHIS2 made of it. With `dryRun` DHIS2 checks and counts everything but stores nothing.
 *
 * Sending the same org unit and period again is safe: with importStrategy CREATE_AND_UPDATE
 * DHIS2 overwrites the values it already has (counted as `updated`), so a retried job cannot
 * double-count.
 *
 * A 409 that carries an import summary is a result, not a failure: WARNING is a partial import.
 * 401, 403 and other 4xx answers come back as `rejected`. A 5xx answer, a network error or a
 * timeout (default 30 s) throws, so that a durable job tries again later.
 */
export async function sendDataValueSet(
  connection: Dhis2Connection,
  body: Dhis2DataValueSet,
  options: { dryRun?: boolean; timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<Dhis2SendResult> {
  const dryRun = options.dryRun ?? false;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetchImpl ?? fetch;
  const query = new URLSearchParams({ idScheme: "CODE", importStrategy: "CREATE_AND_UPDATE", dryRun: String(dryRun) });
  const url = `${connection.baseUrl.replace(/\/+$/, "")}/api/dataValueSets?${query}`;

  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        Authorization: authorization(connection.auth),
      },
      body: JSON.stringify(body),
      // A redirect is DHIS2 (or a proxy) sending us to its login page: report it, do not follow it.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      throw new Error(`DHIS2 did not answer within ${timeoutMs} ms (${url})`, { cause: error });
    }
    throw new Error(`DHIS2 could not be reached (${url}): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }

  const status = response.status;
  if (status >= 500) {
    throw new Error(`DHIS2 answered ${status} ${response.statusText} (${url})`.trim());
  }
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: an HTML error or login page; handled below as a body without a summary.
  }
  const summary = parseImportSummary(status, json);
  if (summary !== null) return { kind: "imported", dryRun, summary };

  if (status === 401 || status === 403) {
    return { kind: "rejected", httpStatus: status, message: messageOf(json) ?? "DHIS2 refused the credentials" };
  }
  if (status >= 300 && status < 400) {
    return {
      kind: "rejected",
      httpStatus: status,
      message: "DHIS2 redirected the request (to a login page?): check the base URL and the credentials",
    };
  }
  // 2xx without a summary (not DHIS2 at this URL, or an async job answer) and every other 4xx:
  // sending the same request again would get the same answer.
  return {
    kind: "rejected",
    httpStatus: status,
    message: messageOf(json) ?? `DHIS2 answered ${status} without an import summary`,
  };
}
