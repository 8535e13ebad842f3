import type { PoolView } from "./on-call";
import type { QueueKey } from "./rules";
import type { WaitingView } from "./snapshot";

/** A patient following their consultation. */
export type PatientWatcher = { kind: "patient"; consultationId: string; tracksPresence: boolean; send: (view: WaitingView) => void };
/** A patient in a "see a doctor now" pool, following their request. */
export type PoolWatcher = { kind: "pool"; requestId: string; need: string | null; send: (view: PoolView) => void };
/** Staff pages re-read themselves on a nudge: a clinician's queues, or a host's patients. */
export type StaffWatcher = { kind: "staff"; keys: readonly QueueKey[]; hostId: string | null; nudge: () => void };
export type Watcher = PatientWatcher | PoolWatcher | StaffWatcher;

/** What a batch of the live hub gathers until it is worked off. */
export function emptyBatch() {
  return {
    keys: new Set<QueueKey>(),
    consultations: new Set<string>(),
    hosts: new Set<string>(),
    presenceKeys: new Set<QueueKey>(),
    pools: new Set<string>(),
    requests: new Set<string>(),
    invitations: new Set<QueueKey>(),
    // Watchers that still need their first view, and patients who came or went on this instance.
    newcomers: new Set<PatientWatcher | PoolWatcher>(),
    arrived: new Set<string>(),
    left: new Set<string>(),
  };
}

export type Batch = ReturnType<typeof emptyBatch>;
