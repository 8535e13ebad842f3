import type { QueueKey } from "./rules";
import type { WaitingView } from "./snapshot";

/**
 * A queue's views, once read, serve every watcher arriving within this long until the queue
 * changes (a change is heard before it is read, see LiveHub.start()): a storm of reconnecting
 * phones is a few queue reads however the arrivals fall into batches. Only the estimates' clock
 * drifts meanwhile, by less than this.
 */
export const SHARE_MS = 1_000;

/**
 * The live hub's recent queue reads, shared between batches. Nothing is kept past its use: an
 * idle instance holds no copy of any queue.
 */
export class SharedReads {
  private queues = new Map<QueueKey, { views: Map<string, WaitingView>; readAt: number }>();
  private evicting: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly evictAfterMs: number) {}

  /** The shared view of a consultation, if a recent read of its queue holds one. */
  get(consultationId: string): WaitingView | undefined {
    this.evict(Date.now());
    for (const queue of this.queues.values()) {
      const view = queue.views.get(consultationId);
      if (view) return view;
    }
    return undefined;
  }

  /** Keeps the queues just read (by viewsOf) for later watchers. */
  store(queues: Map<QueueKey, Map<string, WaitingView>>, readAt: number) {
    for (const [key, views] of queues) this.queues.set(key, { views, readAt });
    this.scheduleEviction();
  }

  /** What changed is read again, not shared: the changed queues and any holding a changed consultation. */
  drop(keys: Iterable<QueueKey>, consultationIds: Iterable<string>) {
    for (const key of keys) this.queues.delete(key);
    const ids = [...consultationIds];
    if (ids.length === 0) return;
    for (const [key, queue] of this.queues) {
      if (ids.some((id) => queue.views.has(id))) this.queues.delete(key);
    }
  }

  clear() {
    if (this.evicting) clearTimeout(this.evicting);
    this.evicting = null;
    this.queues.clear();
  }

  private evict(now: number) {
    for (const [key, queue] of this.queues) if (now - queue.readAt > SHARE_MS) this.queues.delete(key);
  }

  private scheduleEviction() {
    if (this.evicting) return;
    this.evicting = setTimeout(() => {
      this.evicting = null;
      this.evict(Date.now());
      if (this.queues.size > 0) this.scheduleEviction();
    }, SHARE_MS + this.evictAfterMs);
    this.evicting.unref();
  }
}
