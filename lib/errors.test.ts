import net from "node:net";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { AppError, formStateFrom, isDatabaseUnavailable, toHttpError, waitValues } from "./errors";

// Real failures of the real driver against loopback sockets: no database needed, nothing faked.
const servers: net.Server[] = [];
const clients: postgres.Sql[] = [];
const sockets: net.Socket[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end({ timeout: 0 })));
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server that accepts connections and never says a word. */
function listenSilently(): Promise<number> {
  const server = net.createServer((socket) => void sockets.push(socket));
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
}

/** A port on which nothing listens: one that was just bound and let go. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function client(port: number, options: postgres.Options<Record<string, never>> = {}): postgres.Sql {
  const sql = postgres({ host: "127.0.0.1", port, user: "nobody", password: "x", database: "none", max: 1, onnotice: () => {}, ...options });
  clients.push(sql);
  return sql;
}

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, straight from postgres.js and wrapped by drizzle", async () => {
    const port = await closedPort();
    const raw = await failure(() => client(port)`select 1`);
    expect((raw as { code?: string }).code).toBe("ECONNREFUSED");
    expect(isDatabaseUnavailable(raw)).toBe(true);

    const wrapped = await failure(() => drizzle(client(port)).execute(sql`select 1`));
    expect(wrapped).not.toBe(raw);
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it("recognises a server that accepts but never answers (CONNECT_TIMEOUT)", async () => {
    const port = await listenSilently();
    const error = await failure(() => client(port, { connect_timeout: 0.2 })`select 1`);
    expect((error as { code?: string }).code).toBe("CONNECT_TIMEOUT");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises a client that was ended (CONNECTION_ENDED)", async () => {
    const sql = client(await closedPort());
    await sql.end();
    const error = await failure(() => sql`select 1`);
    expect((error as { code?: string }).code).toBe("CONNECTION_ENDED");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises the SQLSTATEs of a server shutting down, starting up or refusing connections", () => {
    for (const code of ["57P01", "57P02", "57P03", "53300", "08006", "08001", "08P01"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("server"), { code })), code).toBe(true);
    }
    for (const code of ["CONNECTION_CLOSED", "CONNECTION_DESTROYED", "ECONNRESET"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("driver"), { code })), code).toBe(true);
    }
  });

  it("leaves alone query errors of a server that is up, our own errors, and HTTP dependencies", () => {
    for (const code of ["23505", "23P01", "40P01", "42601", "57014"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("query"), { code })), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new AppError("conflict", "slot_taken"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("anything"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    // How fetch says LiveKit or the SMS gateway is down: not the database.
    const fetchFailed = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    expect(isDatabaseUnavailable(fetchFailed)).toBe(false);
    expect(isDatabaseUnavailable(new Error("livekit", { cause: fetchFailed }))).toBe(false);
  });
});

describe("a database outage at the edges", () => {
  const outage = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });

  it("answers an API call with 503 and the unavailable code", () => {
    expect(toHttpError(outage)).toEqual({ status: 503, body: { error: { code: "unavailable", message: "database_unavailable" } } });
  });

  it("gives a form its message and keeps what was typed", () => {
    expect(formStateFrom(outage, { phone: "03001234567" })).toEqual({
      ok: false,
      message: "database_unavailable",
      fieldErrors: {},
      values: { phone: "03001234567" },
    });
  });

  it("still re-throws other errors from a form", () => {
    const bug = new Error("bug");
    expect(() => formStateFrom(bug, {})).toThrow(bug);
  });
});

describe("waitValues", () => {
  it("rounds up to whole seconds and minutes", () => {
    expect(waitValues(0.2)).toEqual({ seconds: 1, minutes: 1 });
    expect(waitValues(5)).toEqual({ seconds: 5, minutes: 1 });
    expect(waitValues(60)).toEqual({ seconds: 60, minutes: 1 });
    expect(waitValues(61)).toEqual({ seconds: 61, minutes: 2 });
    expect(waitValues(900)).toEqual({ seconds: 900, minutes: 15 });
  });
});

describe("formStateFrom", () => {
  it("gives the form how long to wait when a limit says so", () => {
    const error = new AppError("rate_limited", "otp_rate_limited", { phone: "otp_rate_limited" }, { retryAfterSeconds: 125 });
    expect(formStateFrom(error, { phone: "0300" })).toEqual({
      ok: false,
      message: undefined,
      fieldErrors: { phone: "otp_rate_limited" },
      errorValues: { seconds: 125, minutes: 3 },
      values: { phone: "0300" },
    });
  });

  it("adds no values to other errors, and re-throws errors that are not ours", () => {
    expect(formStateFrom(new AppError("invalid", "form_invalid"), {})).toEqual({ ok: false, message: "form_invalid", fieldErrors: {}, values: {} });
    expect(() => formStateFrom(new Error("boom"), {})).toThrow("boom");
  });
});
