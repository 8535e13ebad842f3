import { sql } from "drizzle-orm";
import postgres from "postgres";
import { outageOptions, type Transaction } from "@/db";
import { env } from "@/lib/env";

/**
 * PostgreSQL rejects a NOTIFY payload of 8000 bytes or more (in a default build), so the
 * largest payload is one byte less. Send ids and let the receiver read the rest.
 */
export const MAX_PAYLOAD_BYTES = 7999;

/** Channel names are identifiers: at most 63 bytes, like every PostgreSQL name. */
const MAX_CHANNEL_BYTES = 63;

/** Shown in `pg_stat_activity`, so an operator can tell the listening connections apart. */
export const LISTENER_APPLICATION_NAME = "rabta-realtime";

function assertChannel(channel: string): void {
  const bytes = Buffer.byteLength(channel, "utf8");
  // pg_notify rejects a longer name while LISTEN quietly truncates it, so the two would
  // disagree on the channel: refuse it on both sides instead.
  if (bytes === 0 || bytes > MAX_CHANNEL_BYTES) {
    throw new Error(`realtime channel must be 1 to ${MAX_CHANNEL_BYTES} bytes, got ${bytes}`);
  }
}

/**
 * Queues a notification inside a transaction: PostgreSQL delivers it when the transaction
 * commits, and never if it rolls back, so listeners never hear of a change that did not happen.
 * (Within one transaction, identical channel and payload pairs are delivered once.)
 */
export async function notifyInTransaction(tx: Transaction, channel: string, payload: string): Promise<void> {
  assertChannel(channel);
  const bytes = Buffer.byteLength(payload, "utf8");
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new Error(`realtime payload on ${channel} is ${bytes} bytes; at most ${MAX_PAYLOAD_BYTES} fit in a NOTIFY`);
  }
  await tx.execute(sql`select pg_notify(${channel}, ${payload})`);
}

export type NotificationHandler = (payload: string) => void;

/**
 * Stops one handler. `ready` settles once the server has acknowledged the LISTEN for the
 * channel (at once when it already had): a caller that reads a snapshot after `ready` cannot
 * miss a change committed in between. It rejects when that LISTEN failed; postgres.js still
 * retries it with the next connection, so delivery may start later.
 */
export type Unsubscribe = (() => void) & { readonly ready: Promise<void> };

export type Listener = {
  /**
   * Calls `handler` with every payload notified on `channel` until the returned function is
   * called. `onRelisten` runs whenever the LISTEN is back after a lost connection, so that the
   * caller can re-read what it may have missed.
   */
  on(channel: string, handler: NotificationHandler, onRelisten?: () => void): Unsubscribe;
  /** Ends the connection; the listener cannot be used again. */
  close(): Promise<void>;
};

type ChannelEntry = {
  handlers: Set<NotificationHandler>;
  /** Called after LISTEN is in place again on a new connection: what was sent meanwhile is lost. */
  relistened: Set<() => void>;
  listens: number;
  listen: Promise<postgres.ListenMeta>;
};

/**
 * A listener with its own connection. Every channel is LISTENed once, however many handlers
 * it has; the handlers of a channel share that one registration with postgres.js.
 *
 * Reconnects are postgres.js's job: `sql.listen` runs on a dedicated connection (`max: 1`,
 * no idle or lifetime limit) and, when that connection closes, postgres.js opens a new one
 * with backoff and issues LISTEN again for every channel that still has listeners (its
 * `onclose` hook in src/index.js, v3.4.9). Notifications sent while it was down are lost, so
 * a consumer that must not miss one re-reads its state when a client reconnects.
 *
 * One quirk of postgres.js 3.4.9: after such a reconnect it re-registers its listeners as new
 * objects, so `unlisten()` from the first registration no longer finds them and does nothing.
 * Handlers are unaffected (they live in this module's sets, and a released entry has none), but
 * that channel's LISTEN stays open on the server, and its entry in postgres.js, for the life of
 * the listener: a small cost bounded by the channels in use when the connection dropped.
 */
export function createListener(databaseUrl: string): Listener {
  // The pool itself stays unused: postgres.js opens one separate connection for sql.listen.
  const client = postgres(databaseUrl, {
    // The app pool's connect timeout (the listening connection inherits it). postgres.js retries
    // LISTEN on its own, whether or not anyone waits, so more gently: at most a second apart,
    // which brings LISTEN back within about a second of the database's return, not up to 20 s.
    ...outageOptions,
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
    max: 1,
    onnotice: () => {},
    connection: { application_name: LISTENER_APPLICATION_NAME },
  });
  const channels = new Map<string, ChannelEntry>();
  let closing: Promise<void> | undefined;

  function deliver(channel: string, entry: ChannelEntry, payload: string) {
    // A copy, so a handler that unsubscribes (itself or another) does not upset the loop.
    for (const handler of [...entry.handlers]) {
      try {
        handler(payload);
      } catch (error) {
        console.error(`[realtime] a handler on ${channel} failed`, error);
      }
    }
  }

  function subscribe(channel: string): ChannelEntry {
    const existing = channels.get(channel);
    if (existing) return existing;
    const entry: ChannelEntry = { handlers: new Set(), relistened: new Set(), listens: 0, listen: undefined as never };
    entry.listen = client.listen(
      channel,
      (payload) => deliver(channel, entry, payload),
      () => {
        if (++entry.listens === 1) return;
        for (const callback of [...entry.relistened]) {
          try {
            callback();
          } catch (error) {
            console.error(`[realtime] a resync after LISTEN ${channel} failed`, error);
          }
        }
      },
    );
    entry.listen.catch((error: unknown) => {
      if (!closing) console.error(`[realtime] LISTEN ${channel} failed; postgres.js retries on its next connection`, error);
    });
    channels.set(channel, entry);
    return entry;
  }

  function release(channel: string, entry: ChannelEntry) {
    if (entry.handlers.size > 0 || channels.get(channel) !== entry) return;
    channels.delete(channel);
    if (closing) return;
    entry.listen
      .then((registration) => registration.unlisten())
      .catch((error: unknown) => {
        if (!closing) console.error(`[realtime] UNLISTEN ${channel} failed`, error);
      });
  }

  return {
    on(channel, handler, onRelisten) {
      if (closing) throw new Error("realtime listener is closed");
      assertChannel(channel);
      const entry = subscribe(channel);
      // Wrapped, so the same function subscribed twice is two subscriptions.
      const registration: NotificationHandler = (payload) => handler(payload);
      entry.handlers.add(registration);
      const resync = onRelisten ? () => onRelisten() : null;
      if (resync) entry.relistened.add(resync);
      const ready = entry.listen.then(() => undefined);
      ready.catch(() => {}); // Reported once by subscribe(); awaiting it is optional.
      const unsubscribe = () => {
        if (!entry.handlers.delete(registration)) return;
        if (resync) entry.relistened.delete(resync);
        release(channel, entry);
      };
      return Object.assign(unsubscribe, { ready });
    },
    close() {
      if (!closing) {
        channels.clear();
        closing = client.end({ timeout: 5 });
      }
      return closing;
    },
  };
}

// One listener per process; kept on globalThis so dev-mode hot reloads do not open new connections.
const holder = globalThis as unknown as { rabtaRealtimeListener?: Listener };

/** The process's listener on the app database, shared by every open event stream. */
export function processListener(): Listener {
  holder.rabtaRealtimeListener ??= createListener(env().DATABASE_URL);
  return holder.rabtaRealtimeListener;
}

/** Closes the process's listener (tests, shutdown); the next `processListener()` opens a new one. */
export async function closeProcessListener(): Promise<void> {
  const listener = holder.rabtaRealtimeListener;
  holder.rabtaRealtimeListener = undefined;
  await listener?.close();
}
