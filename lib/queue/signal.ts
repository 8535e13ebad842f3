import type { Transaction } from "@/db";
import { notifyInTransaction } from "@/lib/realtime/notify";
import type { QueueKey } from "./rules";

/** The PostgreSQL channel every app instance listens on for queue changes. */
export const QUEUE_CHANNEL = "rabta_queue";

/**
 * What changed: the queues whose order or estimates moved, the consultations whose own state
 * changed (admitted, transferred, removed), and the hosts whose patients did. `presence` marks a
 * change only clinicians see (a patient went offline or came back); patients' places are the same.
 * Clinicians' pages also show the on-call pools, so any pool change nudges them.
 */
export type QueueSignal = {
  keys: QueueKey[];
  consultations?: string[];
  hosts?: string[];
  presence?: boolean;
  /** "See a doctor now" pools whose order changed, and the pool requests that changed themselves. */
  pools?: string[];
  requests?: string[];
  /**
   * Invitations into a call changed for these clinicians (`c:<id>`) or specialties (`s:<code>`):
   * their queue pages re-read the invitations, and no patient's view is touched.
   */
  invitations?: QueueKey[];
};

/**
 * Announces a change from inside the transaction that makes it, so that every instance hears of
 * it exactly when it commits, and never if it rolls back.
 */
export async function signalQueue(tx: Transaction, signal: QueueSignal): Promise<void> {
  const payload: QueueSignal = {
    keys: [...new Set(signal.keys)],
    ...(signal.consultations?.length ? { consultations: [...new Set(signal.consultations)] } : {}),
    ...(signal.hosts?.length ? { hosts: [...new Set(signal.hosts)] } : {}),
    ...(signal.presence ? { presence: true } : {}),
    ...(signal.pools?.length ? { pools: [...new Set(signal.pools)] } : {}),
    ...(signal.requests?.length ? { requests: [...new Set(signal.requests)] } : {}),
    ...(signal.invitations?.length ? { invitations: [...new Set(signal.invitations)] } : {}),
  };
  await notifyInTransaction(tx, QUEUE_CHANNEL, JSON.stringify(payload));
}

/** Reads a payload off the channel; anything malformed is dropped. */
export function parseQueueSignal(payload: string): QueueSignal | null {
  try {
    const value = JSON.parse(payload) as QueueSignal;
    if (!Array.isArray(value.keys)) return null;
    return value;
  } catch {
    return null;
  }
}
