import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { env } from "@/lib/env";
import {
  closeProcessListener,
  createListener,
  LISTENER_APPLICATION_NAME,
  MAX_PAYLOAD_BYTES,
  notifyInTransaction,
  processListener,
  type Listener,
} from "@/lib/realtime/notify";
import { waitFor } from "./fixtures";

let counter = 0;
const uniqueChannel = () => `rt_test_${Date.now().toString(36)}_${(counter++).toString(36)}`;

const open: Listener[] = [];
/** A listener of its own, as a separate app instance would have; closed after each test. */
function appInstance(): Listener {
  const listener = createListener(env().DATABASE_URL);
  open.push(listener);
  return listener;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((listener) => listener.close()));
  await closeProcessListener();
  vi.restoreAllMocks();
});

function recorder() {
  const payloads: string[] = [];
  return { payloads, handler: (payload: string) => void payloads.push(payload) };
}


const notify = (channel: string, payload: string) =>
  db().transaction((tx) => notifyInTransaction(tx, channel, payload));

type Backend = { pid: number; query: string };

/** The listening backends on this database, with the statement each ran last. */
async function listenerBackends(): Promise<Backend[]> {
  const rows = await db().execute<Backend>(
    sql`select pid, query from pg_stat_activity where application_name = ${LISTENER_APPLICATION_NAME} and datname = current_database()`,
  );
  return [...rows];
}

/** The backends `connect` opened (other test files may have listeners of their own). */
async function backendsOpenedBy(connect: () => Promise<unknown>): Promise<Backend[]> {
  const before = new Set((await listenerBackends()).map((backend) => backend.pid));
  await connect();
  return (await listenerBackends()).filter((backend) => !before.has(backend.pid));
}

/**
 * Notifications reach one session in commit order, whatever their channel, so once a marker
 * committed later has arrived, anything that was going to arrive before it has.
 */
async function flush(listener: Listener) {
  const marker = uniqueChannel();
  const { payloads, handler } = recorder();
  const off = listener.on(marker, handler);
  await off.ready;
  await notify(marker, "marker");
  await waitFor(() => payloads.length > 0, "the marker");
  off();
}

describe("realtime over LISTEN/NOTIFY", () => {
  it("delivers a committed notification to two app instances behind one database", async () => {
    const channel = uniqueChannel();
    const first = recorder();
    const second = recorder();
    await appInstance().on(channel, first.handler).ready;
    await appInstance().on(channel, second.handler).ready;

    await notify(channel, '{"consultationId":"c-1"}');

    await waitFor(() => first.payloads.length > 0 && second.payloads.length > 0, "both instances");
    expect(first.payloads).toEqual(['{"consultationId":"c-1"}']);
    expect(second.payloads).toEqual(['{"consultationId":"c-1"}']);
  });

  it("delivers nothing before the commit, and nothing at all from a rolled-back transaction", async () => {
    const channel = uniqueChannel();
    const listener = appInstance();
    const { payloads, handler } = recorder();
    await listener.on(channel, handler).ready;

    await db().transaction(async (tx) => {
      await notifyInTransaction(tx, channel, "committed");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(payloads).toEqual([]);
    });
    await expect(
      db().transaction(async (tx) => {
        await notifyInTransaction(tx, channel, "rolled back");
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await flush(listener);

    expect(payloads).toEqual(["committed"]);
  });

  it("stops delivering to a handler once it unsubscribes, and UNLISTENs after the last one", async () => {
    const channel = uniqueChannel();
    const listener = appInstance();
    const leaving = recorder();
    const staying = recorder();
    const offLeaving = listener.on(channel, leaving.handler);
    const offStaying = listener.on(channel, staying.handler);
    await offStaying.ready;

    offLeaving();
    offLeaving(); // A second call changes nothing.
    await notify(channel, "one");
    await waitFor(() => staying.payloads.length > 0, "the staying handler");
    expect(leaving.payloads).toEqual([]);

    offStaying();
    await waitFor(
      async () => (await listenerBackends()).some((backend) => backend.query === `unlisten "${channel}"`),
      "the UNLISTEN",
    );
    await notify(channel, "two");
    await flush(listener);
    expect(staying.payloads).toEqual(["one"]);
  });

  it("LISTENs once per channel on one connection, however many handlers there are", async () => {
    const listener = appInstance();
    const shared = uniqueChannel();
    const other = uniqueChannel();
    const first = recorder();
    const more = Array.from({ length: 10 }, () => recorder());
    const backends = await backendsOpenedBy(async () => {
      await listener.on(shared, first.handler).ready;
      await listener.on(other, () => {}).ready;
      for (const { handler } of more) await listener.on(shared, handler).ready;
    });

    // Had any of the ten sent LISTEN again, that would be the connection's last statement.
    expect(backends).toHaveLength(1);
    expect(backends[0]!.query).toBe(`listen "${other}"`);

    await notify(shared, "hello");
    await waitFor(() => more.every(({ payloads }) => payloads.length > 0), "all handlers");
    await flush(listener);
    for (const { payloads } of [first, ...more]) expect(payloads).toEqual(["hello"]);
  });

  it("keeps calling the other handlers when one throws", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const channel = uniqueChannel();
    const listener = appInstance();
    const before = recorder();
    const after = recorder();
    listener.on(channel, before.handler);
    listener.on(channel, () => {
      throw new Error("handler bug");
    });
    await listener.on(channel, after.handler).ready;

    await notify(channel, "a");
    await notify(channel, "b");
    await waitFor(() => after.payloads.length === 2, "both notifications");

    expect(before.payloads).toEqual(["a", "b"]);
    expect(after.payloads).toEqual(["a", "b"]);
    expect(logged).toHaveBeenCalledWith(`[realtime] a handler on ${channel} failed`, expect.any(Error));
  });

  it("listens again after its connection is dropped, and a later unsubscribe still holds", async () => {
    const channel = uniqueChannel();
    const listener = appInstance();
    const { payloads, handler } = recorder();
    let relistened = 0;
    const off = listener.on(channel, handler, () => relistened++);
    const [backend] = await backendsOpenedBy(() => off.ready);
    expect(relistened).toBe(0);

    await db().execute(sql`select pg_terminate_backend(${backend!.pid})`);
    // Notifications sent while it reconnects are lost, so keep sending until one arrives.
    let probe = 0;
    await waitFor(async () => {
      await notify(channel, `probe ${probe++}`);
      return payloads.length > 0;
    }, "delivery after the reconnect");
    expect((await listenerBackends()).map((row) => row.pid)).not.toContain(backend!.pid);
    // The subscriber is told, so that it can re-read what was sent while the connection was down.
    expect(relistened).toBe(1);

    // postgres.js's own unlisten() does nothing after a reconnect; the listener must still
    // stop this handler, and a new subscription must not be called twice.
    await flush(listener); // Lets the last probes arrive before the handler leaves.
    off();
    payloads.length = 0;
    const again = recorder();
    await listener.on(channel, again.handler).ready;
    await notify(channel, "after");
    await flush(listener);
    expect(payloads).toEqual([]);
    expect(again.payloads).toEqual(["after"]);
  });

  it("refuses a payload PostgreSQL would reject, counting bytes, not characters", async () => {
    const channel = uniqueChannel();
    const listener = appInstance();
    const { payloads, handler } = recorder();
    await listener.on(channel, handler).ready;

    const largest = "x".repeat(MAX_PAYLOAD_BYTES);
    await notify(channel, largest);
    await expect(notify(channel, "x".repeat(MAX_PAYLOAD_BYTES + 1))).rejects.toThrow(/at most 7999/);
    await expect(notify(channel, "ا".repeat(4000))).rejects.toThrow(/8000 bytes/);
    await flush(listener);
    expect(payloads).toEqual([largest]);
  });

  it("refuses channel names PostgreSQL would truncate or reject", async () => {
    const listener = appInstance();
    expect(() => listener.on("c".repeat(64), () => {})).toThrow(/1 to 63 bytes/);
    expect(() => listener.on("", () => {})).toThrow(/1 to 63 bytes/);
    await expect(notify("c".repeat(64), "x")).rejects.toThrow(/1 to 63 bytes/);
  });

  it("cannot be used once closed", async () => {
    const listener = appInstance();
    await listener.on(uniqueChannel(), () => {}).ready;
    await Promise.all([listener.close(), listener.close()]);
    expect(() => listener.on(uniqueChannel(), () => {})).toThrow(/closed/);
  });

  it("shares one process listener until it is closed", async () => {
    const listener = processListener();
    expect(processListener()).toBe(listener);
    const channel = uniqueChannel();
    const { payloads, handler } = recorder();
    await listener.on(channel, handler).ready;
    await notify(channel, "to the process");
    await waitFor(() => payloads.length > 0, "the process listener");

    await closeProcessListener();
    expect(processListener()).not.toBe(listener);
  });
});
