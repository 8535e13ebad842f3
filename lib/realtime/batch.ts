type Waiting<V> = { resolve: (value: V | undefined) => void; reject: (error: unknown) => void };

/**
 * Coalesces reads by key: every key asked for within `windowMs` of the first is loaded with one
 * call of `load`, and each caller gets its own key's value (undefined when `load` returned none)
 * or `load`'s error. A storm of 500 event streams opening at once then costs a handful of queries
 * instead of 500; a lone caller waits `windowMs` at most.
 */
export function batchLoader<K, V>(load: (keys: K[]) => Promise<Map<K, V>>, windowMs = 2): (key: K) => Promise<V | undefined> {
  let pending = new Map<K, Waiting<V>[]>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function flush() {
    timer = null;
    const batch = pending;
    pending = new Map();
    try {
      const values = await load([...batch.keys()]);
      for (const [key, waiting] of batch) for (const w of waiting) w.resolve(values.get(key));
    } catch (error) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
    }
  }

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      const waiting = pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
      timer ??= setTimeout(() => void flush(), windowMs);
    });
}
