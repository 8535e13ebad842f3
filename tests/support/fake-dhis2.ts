import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small stand-in for DHIS2's `POST /api/dataValueSets` on 127.0.0.1, answering as DHIS2 2.38+
 * does: an ImportSummary inside a WebMessage, 200 when every value went in, 409 WARNING when some
 * were ignored, 409 ERROR when none went in. Conflict codes follow DHIS2's style (E7610 for a data
 * element, E7611 for a category option combo here, E7603 for an org unit); the code under test
 * must not depend on their exact numbers.
 */

/** One request as the fake received it, for tests to assert on. */
export type ReceivedRequest = {
  method: string;
  /** Path and query, as sent: `/api/dataValueSets?idScheme=CODE&...`. */
  url: string;
  authorization: string | undefined;
  /** The JSON body, or undefined when it was empty or not JSON. */
  body: unknown;
};

/** What the fake knows: the accepted credentials and the codes of its metadata. */
export type FakeDhis2Options = {
  username?: string;
  password?: string;
  /** A personal access token accepted as `Authorization: ApiToken <token>`. */
  token?: string;
  orgUnits: string[];
  dataElements: string[];
  /** Category option combo codes; a value without one uses DHIS2's "default" combo. */
  categoryOptionCombos?: string[];
  /** A fixed port (for an app server started before the fake, as in the browser tests); random when unset. */
  port?: number;
};

/** A running fake DHIS2. */
export type FakeDhis2 = {
  url: string;
  requests: ReceivedRequest[];
  /** Stored values keyed by `period|orgUnit|dataElement|categoryOptionCombo`. */
  stored: Map<string, string>;
  /** The org unit codes the fake knows; a test adds the facilities it creates. */
  orgUnits: Set<string>;
  /** The data element codes the fake knows; a test may remove one to provoke a partial import. */
  dataElements: Set<string>;
  close(): Promise<void>;
  /** Makes the next request, whatever it is, answer with this HTTP status once. */
  failNext(status: number): void;
};

type Conflict = { object: string; objects: Record<string, string>; value: string; errorCode: string; property: string; indexes: number[] };

const DEFAULT_COC = "default";

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json;charset=UTF-8" });
  res.end(JSON.stringify(body));
}

function webMessage(status: number, httpStatus: string, messageStatus: string, message: string, response?: unknown) {
  return { httpStatus, httpStatusCode: status, status: messageStatus, message, ...(response ? { response } : {}) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function authorised(header: string | undefined, options: FakeDhis2Options): boolean {
  if (!header) return false;
  if (options.token !== undefined && header === `ApiToken ${options.token}`) return true;
  if (options.username !== undefined && options.password !== undefined && header.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice("Basic ".length), "base64").toString("utf8");
    return decoded === `${options.username}:${options.password}`;
  }
  return false;
}

type IncomingValue = { dataElement?: unknown; categoryOptionCombo?: unknown; value?: unknown };

/** Starts a fake DHIS2 on 127.0.0.1 (a random port unless `port` is given); close it when the test is done. */
export async function startFakeDhis2(options: FakeDhis2Options): Promise<FakeDhis2> {
  const requests: ReceivedRequest[] = [];
  const stored = new Map<string, string>();
  const orgUnits = new Set(options.orgUnits);
  const dataElements = new Set(options.dataElements);
  const cocs = new Set([DEFAULT_COC, ...(options.categoryOptionCombos ?? [])]);
  let failures: number[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      let body: unknown = undefined;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization, body });

      const failure = failures.shift();
      if (failure !== undefined) {
        send(res, failure, webMessage(failure, "Service Unavailable", "ERROR", "Injected failure"));
        return;
      }
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (req.method !== "POST" || url.pathname !== "/api/dataValueSets") {
        send(res, 404, webMessage(404, "Not Found", "ERROR", `No endpoint ${req.method} ${url.pathname}`));
        return;
      }
      if (!authorised(req.headers.authorization, options)) {
        send(res, 401, webMessage(401, "Unauthorized", "ERROR", "Unauthorized"));
        return;
      }
      if (typeof body !== "object" || body === null || !Array.isArray((body as { dataValues?: unknown }).dataValues)) {
        send(res, 400, webMessage(400, "Bad Request", "ERROR", "Could not read the data value set"));
        return;
      }
      const dryRun = url.searchParams.get("dryRun") === "true";
      const set = body as { period?: unknown; orgUnit?: unknown; dataValues: IncomingValue[] };
      const period = String(set.period ?? "");
      const orgUnit = String(set.orgUnit ?? "");
      const values = set.dataValues;

      const counts = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
      const conflicts: Conflict[] = [];
      const conflict = (errorCode: string, property: string, object: string, value: string, index?: number) => {
        const same = conflicts.find((c) => c.errorCode === errorCode && c.object === object);
        if (same) {
          if (index !== undefined) same.indexes.push(index);
          return;
        }
        conflicts.push({ object, objects: { [property]: object }, value, errorCode, property, indexes: index === undefined ? [] : [index] });
      };

      if (!orgUnits.has(orgUnit)) {
        conflict("E7603", "orgUnit", orgUnit, "Org unit not found or not accessible");
        counts.ignored = values.length;
      } else {
        values.forEach((dv, index) => {
          const dataElement = String(dv.dataElement ?? "");
          const coc = dv.categoryOptionCombo === undefined ? DEFAULT_COC : String(dv.categoryOptionCombo);
          if (!dataElements.has(dataElement)) {
            conflict("E7610", "dataElement", dataElement, "Data element not found or not accessible", index);
            counts.ignored += 1;
            return;
          }
          if (!cocs.has(coc)) {
            conflict("E7611", "categoryOptionCombo", coc, "Category option combo not found or not accessible", index);
            counts.ignored += 1;
            return;
          }
          const key = `${period}|${orgUnit}|${dataElement}|${coc}`;
          if (stored.has(key)) counts.updated += 1;
          else counts.imported += 1;
          if (!dryRun) stored.set(key, String(dv.value));
        });
      }

      const summary = (status: string, description: string) => ({
        responseType: "ImportSummary",
        status,
        importOptions: { idSchemes: { idScheme: url.searchParams.get("idScheme") ?? "UID" }, dryRun },
        description,
        importCount: counts,
        conflicts,
        dataSetComplete: "false",
      });
      if (conflicts.length === 0) {
        send(res, 200, webMessage(200, "OK", "OK", "Import was successful.", summary("SUCCESS", "Import process completed successfully")));
      } else if (counts.imported + counts.updated > 0) {
        send(
          res,
          409,
          webMessage(409, "Conflict", "WARNING", "One more conflicts encountered, please check import summary.", summary("WARNING", "Import process completed with conflicts")),
        );
      } else {
        send(
          res,
          409,
          webMessage(409, "Conflict", "ERROR", "An error occurred, please check import summary.", summary("ERROR", "Import process completed with errors")),
        );
      }
    })().catch((error: unknown) => {
      send(res, 500, webMessage(500, "Internal Server Error", "ERROR", String(error)));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stored,
    orgUnits,
    dataElements,
    failNext(status) {
      failures = [...failures, status];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
