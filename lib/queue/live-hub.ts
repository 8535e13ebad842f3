import { processListener, type Listener } from "@/lib/realtime/notify";
import { patientConnected, patientDisconnected, patientHeartbeat } from "./presence";
import { PATIENT_HEARTBEAT_MS, type QueueKey } from "./rules";
import { QUEUE_CHANNEL, parseQueueSignal, type QueueSignal } from "./signal";
import { viewsOf, type WaitingView } from "./snapshot";

/** Bursts of changes (a busy clinic) are folded into one update per watcher. */
const COALESCE_MS = 50;
/** Estimates drift as calls run on; waiting pages get a fresh one this often even when nothing changed. */
const REFRESH_MS = 60_000;

type PatientWatcher = { kind: "patient"; consultationId: string; tracksPresence: boolean; send: (view: WaitingView) => void };
/** Staff pages re-read themselves on a nudge: a clinician's queues, or a host's patients. */
type StaffWatcher = { kind: "staff"; keys: readonly QueueKey[]; hostId: string | null; nudge: () => void };
type Watcher = PatientWatcher | StaffWatcher;

/**
 * This instance's side of the live queue. Every instance listens on one PostgreSQL channel; a
 * change committed anywhere reaches each instance once, which reads each affected queue once
 * and pushes every watcher its own view. Patients' connections double as presence: the first
 * connection of a consultation on this instance counts it in, the last one out counts it out,
 * and one heartbeat statement per beat keeps all of this instance's patients fresh.
 */
export class LiveHub {
  private timers: ReturnType<typeof setInterval>[] = [];
  private watchers = new Set<Watcher>();
  private lastView = new Map<string, WaitingView>();
  private pending: { keys: Set<QueueKey>; consultations: Set<string>; hosts: Set<string>; presenceKeys: Set<QueueKey> } = this.empty();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private present = new Map<string, number>();
  private listening: Promise<void> | null = null;
  private unlisten: (() => void) | null = null;

  constructor(private readonly listener: Listener) {}

  private empty() {
    return { keys: new Set<QueueKey>(), consultations: new Set<string>(), hosts: new Set<string>(), presenceKeys: new Set<QueueKey>() };
  }

  /** Listens once per instance; resolves when LISTEN is in place, so no change can slip past a first view. */
  private start(): Promise<void> {
    if (this.listening) return this.listening;
    const subscription = this.listener.on(QUEUE_CHANNEL, (payload) => {
      const signal = parseQueueSignal(payload);
      if (signal) this.receive(signal);
    });
    this.unlisten = subscription;
    this.listening = subscription.ready;
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
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.unlisten?.();
    this.watchers.clear();
    this.present.clear();
  }

  /** Starts following a consultation; the current view is sent at once (that is also the resume after a reconnect). */
  async watchConsultation(consultationId: string, tracksPresence: boolean, send: (view: WaitingView) => void): Promise<() => void> {
    await this.start();
    const watcher: PatientWatcher = { kind: "patient", consultationId, tracksPresence, send };
    this.watchers.add(watcher);
    if (tracksPresence) {
      const count = this.present.get(consultationId) ?? 0;
      this.present.set(consultationId, count + 1);
      if (count === 0) await patientConnected(consultationId).catch((e) => console.error("[queue] presence failed", e));
    }
    const view = (await viewsOf([consultationId])).get(consultationId);
    if (view) {
      this.lastView.set(consultationId, view);
      send(view);
    }
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
    if (!this.watchers.delete(watcher) || watcher.kind !== "patient") return;
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
    void patientDisconnected(watcher.consultationId).catch((e) => console.error("[queue] presence failed", e));
  }

  private receive(signal: QueueSignal) {
    const target = signal.presence ? this.pending.presenceKeys : this.pending.keys;
    for (const key of signal.keys) target.add(key);
    for (const id of signal.consultations ?? []) this.pending.consultations.add(id);
    for (const id of signal.hosts ?? []) this.pending.hosts.add(id);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      this.flushing = this.flushing.then(() => this.flush()).catch((e) => console.error("[queue] live update failed", e));
    }, COALESCE_MS);
  }

  private async flush() {
    const { keys, consultations, hosts, presenceKeys } = this.pending;
    this.pending = this.empty();

    for (const watcher of this.watchers) {
      if (watcher.kind !== "staff") continue;
      const touched = watcher.keys.some((k) => keys.has(k) || presenceKeys.has(k)) || (watcher.hostId !== null && hosts.has(watcher.hostId));
      if (touched) watcher.nudge();
    }

    // Patients whose own consultation changed, or who wait in a queue that moved.
    const affected = new Set<string>();
    for (const watcher of this.watchers) {
      if (watcher.kind !== "patient") continue;
      const last = this.lastView.get(watcher.consultationId);
      if (consultations.has(watcher.consultationId) || (last?.queueKey && keys.has(last.queueKey))) {
        affected.add(watcher.consultationId);
      }
    }
    await this.push([...affected]);
  }

  private refreshAll() {
    const ids = [...new Set([...this.watchers].flatMap((w) => (w.kind === "patient" ? [w.consultationId] : [])))];
    this.flushing = this.flushing.then(() => this.push(ids)).catch((e) => console.error("[queue] refresh failed", e));
  }

  private async push(consultationIds: string[]) {
    if (consultationIds.length === 0) return;
    const views = await viewsOf(consultationIds);
    for (const watcher of this.watchers) {
      if (watcher.kind !== "patient") continue;
      const view = views.get(watcher.consultationId);
      if (!view) continue;
      this.lastView.set(watcher.consultationId, view);
      watcher.send(view);
    }
  }

  /** Connections held open on this instance, for the benchmark and health figures. */
  stats() {
    const patients = [...this.watchers].filter((w) => w.kind === "patient").length;
    return { patients, staff: this.watchers.size - patients };
  }
}

const holder = globalThis as unknown as { rabtaLiveHub?: LiveHub };

/** This process's hub; one per instance, kept across dev hot reloads. */
export function liveHub(): LiveHub {
  holder.rabtaLiveHub ??= new LiveHub(processListener());
  return holder.rabtaLiveHub;
}
