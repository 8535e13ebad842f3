import { processListener, type Listener } from "@/lib/realtime/notify";
import { poolViewsOf, type PoolView } from "./on-call";
import { patientHeartbeat, patientsConnected, patientsDisconnected } from "./presence";
import { PATIENT_HEARTBEAT_MS, type QueueKey } from "./rules";
import { QUEUE_CHANNEL, parseQueueSignal, type QueueSignal } from "./signal";
import { emptyBatch, type Batch, type PatientWatcher, type PoolWatcher, type StaffWatcher, type Watcher } from "./live-batch";
import { SharedReads } from "./shared-reads";
import { viewsOf, type WaitingView } from "./snapshot";

/** How long a batch gathers before it is worked off; more arrives while one is being worked off. */
const BATCH_MS = 5;
/** A batch that failed is tried again after this long. */
const RETRY_MS = 1_000;
/** Estimates drift as calls run on; waiting pages get a fresh one this often even when nothing changed. */
const REFRESH_MS = 60_000;
/**
 * This instance's side of the live queue. Every instance listens on one PostgreSQL channel; a
 * change committed anywhere reaches each instance once. Work is done in batches: whatever arrived
 * since the last batch (changes, new connections, patients coming and going) is worked off with
 * one read per affected queue and one presence statement, and every watcher gets its own view.
 * A queue read is shared with the watchers of later batches until the queue changes (SharedReads),
 * so 500 phones reconnecting after a restart cost a handful of queue reads, not 500.
 *
 * A patient's connections are their presence: the first on this instance counts them in, the
 * last one out counts them out, and one heartbeat statement per beat keeps all of them fresh.
 */
export class LiveHub {
  private watchers = new Set<Watcher>();
  private lastView = new Map<string, WaitingView>();
  private shared = new SharedReads(BATCH_MS);
  private batch = emptyBatch();
  private scheduled = false;
  private working: Promise<void> = Promise.resolve();
  /** Settles when the batch scheduled last has been worked off. */
  private next: Promise<void> = Promise.resolve();
  private present = new Map<string, number>();
  private timers: ReturnType<typeof setInterval>[] = [];
  private listening: Promise<void> | null = null;
  private unlisten: (() => void) | null = null;

  constructor(private readonly listener: Listener) {}

  /** Listens once per instance; resolves when LISTEN is in place, so no change can slip past a first view. */
  private start(): Promise<void> {
    if (this.listening) return this.listening;
    const subscription = this.listener.on(
      QUEUE_CHANNEL,
      (payload) => {
        const signal = parseQueueSignal(payload);
        if (signal) this.receive(signal);
      },
      // Changes made while the database connection was down were never heard: re-read everything.
      () => this.resync(),
    );
    this.unlisten = subscription;
    // If the first LISTEN fails (the database is briefly out of reach), the next watcher tries again.
    this.listening = subscription.ready.catch((error: unknown) => {
      subscription();
      this.unlisten = null;
      this.listening = null;
      for (const timer of this.timers) clearInterval(timer);
      throw error;
    });
    this.timers = [
      setInterval(() => void patientHeartbeat([...this.present.keys()]).catch((e) => console.error("[queue] heartbeat failed", e)), PATIENT_HEARTBEAT_MS),
      setInterval(() => this.refreshAll(), REFRESH_MS),
    ];
    for (const timer of this.timers) timer.unref();
    return this.listening;
  }

  /** Stops listening and forgets every watcher (tests; a process exiting needs nothing). */
  stop() {
    for (const timer of this.timers) clearInterval(timer);
    this.shared.clear();
    this.unlisten?.();
    this.watchers.clear();
    this.present.clear();
  }

  /**
   * Follows a consultation. Its current view comes with the next batch, a few milliseconds
   * away; that first view is also the resume after a reconnect.
   */
  async watchConsultation(consultationId: string, tracksPresence: boolean, send: (view: WaitingView) => void): Promise<() => void> {
    await this.start();
    const watcher: PatientWatcher = { kind: "patient", consultationId, tracksPresence, send };
    this.watchers.add(watcher);
    this.batch.newcomers.add(watcher);
    if (tracksPresence) {
      const count = this.present.get(consultationId) ?? 0;
      this.present.set(consultationId, count + 1);
      // Gone and back within one batch is no change at all.
      if (count === 0 && !this.batch.left.delete(consultationId)) this.batch.arrived.add(consultationId);
    }
    this.schedule();
    return () => this.unwatch(watcher);
  }

  /** Follows a pool request; like a consultation, its current view comes with the next batch. */
  async watchPoolRequest(requestId: string, send: (view: PoolView) => void): Promise<() => void> {
    await this.start();
    const watcher: PoolWatcher = { kind: "pool", requestId, need: null, send };
    this.watchers.add(watcher);
    this.batch.newcomers.add(watcher);
    this.schedule();
    return () => this.unwatch(watcher);
  }

  /** A staff page that re-reads itself whenever one of its queues, or one of the host's patients, changes. */
  async watchStaff(keys: readonly QueueKey[], hostId: string | null, nudge: () => void): Promise<() => void> {
    await this.start();
    const watcher: StaffWatcher = { kind: "staff", keys, hostId, nudge };
    this.watchers.add(watcher);
    return () => this.unwatch(watcher);
  }

  private unwatch(watcher: Watcher) {
    if (!this.watchers.delete(watcher) || watcher.kind === "staff") return;
    this.batch.newcomers.delete(watcher);
    if (watcher.kind === "pool") return;
    if (![...this.watchers].some((w) => w.kind === "patient" && w.consultationId === watcher.consultationId)) {
      this.lastView.delete(watcher.consultationId);
    }
    if (!watcher.tracksPresence) return;
    const count = (this.present.get(watcher.consultationId) ?? 1) - 1;
    if (count > 0) {
      this.present.set(watcher.consultationId, count);
      return;
    }
    this.present.delete(watcher.consultationId);
    if (!this.batch.arrived.delete(watcher.consultationId)) this.batch.left.add(watcher.consultationId);
    this.schedule();
  }

  private receive(signal: QueueSignal) {
    const target = signal.presence ? this.batch.presenceKeys : this.batch.keys;
    for (const key of signal.keys) target.add(key);
    for (const id of signal.consultations ?? []) this.batch.consultations.add(id);
    for (const id of signal.hosts ?? []) this.batch.hosts.add(id);
    for (const need of signal.pools ?? []) this.batch.pools.add(need);
    for (const id of signal.requests ?? []) this.batch.requests.add(id);
    for (const key of signal.invitations ?? []) this.batch.invitations.add(key);
    this.schedule();
  }

  /** Runs one batch soon; anything arriving while it runs waits for the next one. */
  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    this.next = new Promise<void>((resolve) => {
      setTimeout(() => {
        this.working = this.working
          .then(async () => {
            this.scheduled = false;
            const batch = this.batch;
            this.batch = emptyBatch();
            try {
              await this.work(batch);
            } catch (error) {
              // A failed batch (a deadlock with another instance, the database restarting) is not
              // lost: it goes back in, for another try a second later.
              console.error("[queue] live update failed; retrying", error);
              this.requeue(batch);
            }
          })
          .catch((e) => console.error("[queue] live update failed", e));
        void this.working.then(resolve);
      }, BATCH_MS);
    });
  }

  /**
   * Resolves once every batch scheduled so far has been worked off (or failed and gone back in
   * for a retry). A point that provably comes after what was watched or dropped until now, for
   * callers that must tell "nothing happened" from "not yet" without sleeping.
   */
  async settled(): Promise<void> {
    while (this.scheduled) await this.next;
    await this.working;
  }

  private requeue(batch: Batch) {
    for (const [name, values] of Object.entries(batch) as [keyof typeof batch, Set<never>][]) {
      for (const value of values) (this.batch[name] as Set<unknown>).add(value);
    }
    setTimeout(() => this.schedule(), RETRY_MS).unref();
  }

  private async work(batch: Batch) {
    // Presence is written beside the views, so that no first view waits for it; its own signal
    // comes back as another batch, for clinicians' pages.
    const presence = Promise.all([patientsConnected([...batch.arrived]), patientsDisconnected([...batch.left])]).then(() => {
      // Counted: should the views fail, a retry must not count these twice.
      batch.arrived.clear();
      batch.left.clear();
    });
    // Both settle before a failure is reported, so a retry never overlaps this batch's writes.
    const outcomes = await Promise.allSettled([presence, this.deliver(batch)]);
    for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
  }

  private async deliver(batch: Batch) {
    this.shared.drop(batch.keys, batch.consultations);

    for (const watcher of this.watchers) {
      if (watcher.kind !== "staff") continue;
      const clinician = watcher.hostId === null;
      const touched =
        watcher.keys.some((k) => batch.keys.has(k) || batch.presenceKeys.has(k) || batch.invitations.has(k)) ||
        (clinician && batch.pools.size > 0) ||
        (!clinician && batch.hosts.has(watcher.hostId!));
      if (touched) watcher.nudge();
    }

    await this.pushPools(batch);

    // Patients who are new here, whose own consultation changed, or who wait in a queue that moved.
    const affected = new Set(
      [...batch.newcomers].flatMap((w) => (w.kind === "patient" && this.watchers.has(w) ? [w.consultationId] : [])),
    );
    for (const watcher of this.watchers) {
      if (watcher.kind !== "patient") continue;
      const last = this.lastView.get(watcher.consultationId);
      if (batch.consultations.has(watcher.consultationId) || (last?.queueKey && batch.keys.has(last.queueKey))) {
        affected.add(watcher.consultationId);
      }
    }
    await this.push([...affected]);
  }

  /** Pool requests that are new here, changed themselves, or wait in a pool that moved. */
  private async pushPools(batch: Batch) {
    const ids = new Set<string>();
    for (const watcher of this.watchers) {
      if (watcher.kind !== "pool") continue;
      if (batch.newcomers.has(watcher) || batch.requests.has(watcher.requestId) || (watcher.need && batch.pools.has(watcher.need))) {
        ids.add(watcher.requestId);
      }
    }
    if (ids.size === 0) return;
    const views = await poolViewsOf([...ids]);
    for (const watcher of this.watchers) {
      if (watcher.kind !== "pool") continue;
      const view = views.get(watcher.requestId);
      if (!view) continue;
      watcher.need = view.need;
      watcher.send(view);
    }
  }

  private resync() {
    this.shared.clear();
    for (const watcher of this.watchers) if (watcher.kind === "staff") watcher.nudge();
    for (const watcher of this.watchers) if (watcher.kind !== "staff") this.batch.newcomers.add(watcher);
    this.schedule();
  }

  private refreshAll() {
    const ids = [...new Set([...this.watchers].flatMap((w) => (w.kind === "patient" ? [w.consultationId] : [])))];
    this.working = this.working.then(() => this.push(ids)).catch((e) => console.error("[queue] refresh failed", e));
  }

  private async push(consultationIds: string[]) {
    if (consultationIds.length === 0) return;
    const readAt = Date.now();
    const views = new Map<string, WaitingView>();
    const unread: string[] = [];
    for (const id of consultationIds) {
      const view = this.shared.get(id);
      if (view) views.set(id, view);
      else unread.push(id);
    }
    if (unread.length > 0) {
      const queues = new Map<QueueKey, Map<string, WaitingView>>();
      for (const [id, view] of await viewsOf(unread, new Date(readAt), queues)) views.set(id, view);
      this.shared.store(queues, readAt);
    }
    for (const watcher of this.watchers) {
      if (watcher.kind !== "patient") continue;
      const view = views.get(watcher.consultationId);
      if (!view) continue;
      this.lastView.set(watcher.consultationId, view);
      watcher.send(view);
    }
  }
}

const holder = globalThis as unknown as { rabtaLiveHub?: LiveHub };

/** This process's hub; one per instance, kept across dev hot reloads. */
export function liveHub(): LiveHub {
  holder.rabtaLiveHub ??= new LiveHub(processListener());
  return holder.rabtaLiveHub;
}
