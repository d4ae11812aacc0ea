/**
 * A per-instance, stale-while-revalidate read model: one shared read per key (e.g. a municipality),
 * served to every request and refreshed in the background once it is older than `freshMs`.
 *
 * Why: FerretDB 1.24's SQLite backend pushes down only `_id` equality, so every other query decodes the
 * whole collection (≈0.2 ms a document); a page that waits for that cannot answer in time. On real
 * MongoDB the same code works unchanged and the snapshot is simply a cache. Anything that must be exact
 * (eligibility at the moment of a write) is checked against the database by the caller, never here.
 *
 * Bounded: at most `maxKeys` keys are kept (the least recently used goes first). Invalidated by this
 * instance's own writes through `announceWrite(topic)`; other instances' writes show within `freshMs`.
 */
export interface ReadSnapshot<T> {
  /** The current value for the key: waits only when there is none yet (or it was invalidated). */
  get(key: string, now?: number): Promise<T>;
  /** Forgets one key (or every key): the next read waits for a fresh load. */
  invalidate(key?: string): void;
}

interface Entry<T> {
  loadedAt?: number;
  value?: T;
  loading?: Promise<T>;
  // Bumped by every invalidation, so a load that started before a write cannot overwrite what follows it.
  generation: number;
}

const listeners = new Map<string, Set<() => void>>();

/** Tells every snapshot that reads `topic` that this instance just changed it. */
export function announceWrite(topic: string): void {
  for (const listener of listeners.get(topic) ?? []) listener();
}

export function createReadSnapshot<T>(options: {
  load: (key: string) => Promise<T>;
  freshMs: number;
  maxKeys: number;
  /** Topics whose local writes invalidate every key. */
  topics?: readonly string[];
  /**
   * What a local write does: 'drop' (the next read waits for a fresh load: the write shows at once) or
   * 'refresh' (the next read still gets the old value and starts a fresh load: for read models whose
   * load takes seconds, where the writer's use case re-checks what must be exact).
   */
  onWrite?: 'drop' | 'refresh';
}): ReadSnapshot<T> {
  const entries = new Map<string, Entry<T>>();

  const entryFor = (key: string): Entry<T> => {
    let entry = entries.get(key);
    if (entry) entries.delete(key);
    entry ??= { generation: 0 };
    entries.set(key, entry); // re-inserted: the Map's order is the recency order
    while (entries.size > options.maxKeys) entries.delete(entries.keys().next().value as string);
    return entry;
  };

  const load = (key: string, entry: Entry<T>): Promise<T> => {
    if (entry.loading) return entry.loading;
    const started = entry.generation;
    const pending = options
      .load(key)
      .then((value) => {
        if (started === entry.generation) Object.assign(entry, { value, loadedAt: Date.now() });
        return value;
      })
      .finally(() => {
        if (entry.loading === pending) entry.loading = undefined;
      });
    entry.loading = pending;
    return pending;
  };

  const invalidate = (key?: string) => {
    for (const [name, entry] of entries) {
      if (key !== undefined && name !== key) continue;
      Object.assign(entry, {
        generation: entry.generation + 1,
        value: undefined,
        loadedAt: undefined,
        loading: undefined,
      });
    }
  };

  const markStale = () => {
    for (const entry of entries.values()) {
      if (entry.loadedAt === undefined) continue;
      // A load that started before the write must not count as fresh: a new one starts on the next read.
      Object.assign(entry, { generation: entry.generation + 1, loadedAt: -Infinity, loading: undefined });
    }
  };

  for (const topic of options.topics ?? []) {
    if (!listeners.has(topic)) listeners.set(topic, new Set());
    listeners.get(topic)!.add(options.onWrite === 'refresh' ? markStale : () => invalidate());
  }

  return {
    async get(key, now = Date.now()) {
      const entry = entryFor(key);
      if (entry.loadedAt === undefined) return load(key, entry);
      if (now - entry.loadedAt > options.freshMs) load(key, entry).catch(() => undefined);
      return entry.value as T;
    },
    invalidate,
  };
}
