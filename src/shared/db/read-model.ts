import { LRUCache } from 'lru-cache';
import { DatabaseUnavailableError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { runningWiring, type Wiring } from '../wiring/index.js';
import { READ_BOUNDS, type ReadBoundName } from './read-bounds.js';

/**
 * A per-instance read model with a stated bound: a value is never served once it is older than its
 * bound (age counts from when its load started, as the data may be that old).
 *
 * Why: FerretDB 1.24's SQLite backend pushes down only `_id` equality, so every other query decodes the
 * whole collection (≈0.2 ms a document); pages that read many documents cannot wait for that per request.
 * On MongoDB the same code runs and the read model is simply a cache.
 *
 * lru-cache's `fetch()` provides the store, the capacity, single-flight loads (concurrent readers share
 * one load) and serving the previous value while a refresh is in flight. What is ours: the bound check
 * (a reader whose value is past the bound waits for the load, whatever lru-cache would serve), the timer
 * that refreshes keys in use before they reach their bound, writes marking keys for a newer load (they
 * never cancel a load in flight, so reloads cannot starve), and counting and logging load errors.
 *
 * Each app (each wiring) keeps its own values: a load reads through the collaborators of the app that
 * started it (e.g. who counts an offer's places in use), so a value loaded for one app is never served to
 * another in the same process. Production runs one app per process, so this is one set of values there.
 */
export interface Loaded<T> {
  value: T;
  /** When the load that produced the value started: the data is at most this old. */
  loadedAt: Date;
}

export interface BoundedReadModel<T> {
  /** A value within the bound, or DatabaseUnavailableError (503) when none can be loaded. */
  get(key: string): Promise<Loaded<T>>;
  /** Drops one key (or every key): the next read waits for a fresh load. */
  forget(key?: string): void;
}

interface Stored<T> extends Loaded<T> {
  /** The write sequence of the key when the load started: later writes need a newer load. */
  writeSeq: number;
}

export interface ReadModelOptions<T> {
  /** The bound, by name (see READ_BOUNDS). */
  bound: ReadBoundName;
  /** Replaces the named bound's length: only tests, to see the bound kept within milliseconds. */
  boundMs?: number;
  /** Reads the key; `previous` is the value it replaces, if any (to re-read only what changed). */
  load: (key: string, previous?: T) => Promise<T>;
  /** How many keys are kept at most (e.g. every municipality). */
  capacity: number;
  /** Topics whose writes concern this read model (see announceWrite). */
  topics: readonly string[];
  /**
   * After a write on this instance, 'wait': the next reader waits for a load that started after the
   * write (the writer sees the change at once); 'refresh': readers keep the value within its bound while
   * the next load runs (for loads that take seconds, where the writing use case checks exactly).
   */
  afterWrite: 'wait' | 'refresh';
  /** Maps a write's scope (e.g. a municipality code) to the key it concerns; undefined: every key. */
  keyOfScope?: (scope: string) => string | undefined;
}

type Listener = (scope?: string) => void;
const listeners = new Map<string, Set<Listener>>();
let logger: Pick<Logger, 'error'> | undefined;
const errorCounts = new Map<string, number>();

interface ReadModelRegistration {
  /** Drops every app's values and stops their timers. */
  dropAll(): void;
}
const everyModel = new Set<ReadModelRegistration>();

/** Forgets every key of every read model, in every app: for tests, whose database is emptied between cases. */
export function forgetAllReadModels(): void {
  for (const model of everyModel) model.dropAll();
}

/** Where load errors are logged (the app's logger); without one they are only counted. */
export function useReadModelLogger(target: Pick<Logger, 'error'>): void {
  logger = target;
}

/** Load errors per read model since start, for health checks and tests. */
export function readModelErrors(): Record<string, number> {
  return Object.fromEntries(errorCounts);
}

/**
 * Tells every read model that reads `topic` that this instance just changed it, in `scope` (a
 * municipality code) when the change concerns one municipality only.
 */
export function announceWrite(topic: string, scope?: string): void {
  for (const listener of listeners.get(topic) ?? []) listener(scope);
}

// Refresh a key in use once it has lived this share of its bound, so readers rarely reach the bound.
const REFRESH_AT = 0.5;

/** One app's values of one read model: its store, its write sequence per key and its refresh timer. */
interface AppValues<T> extends BoundedReadModel<T> {
  /** A write in `scope` (undefined: every key) needs a newer load. */
  written(scope: string | undefined): void;
  /** Forgets everything and stops the timer. */
  stop(): void;
}

function appValues<T>(options: ReadModelOptions<T>, boundMs: number): AppValues<T> {
  const writeSeq = new Map<string, number>();
  const lastRead = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;

  const cache = new LRUCache<string, Stored<T>>({
    max: options.capacity,
    ttl: boundMs,
    allowStale: true,
    // A failed refresh keeps the previous value (still checked against the bound by every reader).
    noDeleteOnFetchRejection: true,
    fetchMethod: async (key, previous) => {
      const startedAt = Date.now();
      const seq = writeSeq.get(key) ?? 0;
      try {
        const value = await options.load(key, previous?.value);
        return { value, loadedAt: new Date(startedAt), writeSeq: seq };
      } catch (error) {
        errorCounts.set(options.bound, (errorCounts.get(options.bound) ?? 0) + 1);
        logger?.error({ err: error, readModel: options.bound, key }, 'read model load failed');
        throw error;
      }
    },
  });

  const refresh = (key: string) => {
    cache.fetch(key, { forceRefresh: true }).catch(() => undefined); // counted and logged above
  };

  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  const tick = () => {
    const now = Date.now();
    for (const [key, readAt] of lastRead) {
      if (now - readAt > boundMs * 2) {
        lastRead.delete(key); // no longer in use: it expires by itself
        continue;
      }
      const stored = cache.peek(key, { allowStale: true });
      const dirty = stored && stored.writeSeq < (writeSeq.get(key) ?? 0);
      if (!stored || dirty || now - stored.loadedAt.getTime() >= boundMs * REFRESH_AT) refresh(key);
    }
    if (lastRead.size === 0) stopTimer();
  };

  const markWritten = (key: string) => {
    writeSeq.set(key, (writeSeq.get(key) ?? 0) + 1);
  };

  const acceptable = (stored: Stored<T> | undefined, arrivedAt: number, neededSeq: number) => {
    if (!stored) return false;
    if (options.afterWrite === 'wait' && stored.writeSeq < neededSeq) return false;
    const started = stored.loadedAt.getTime();
    // A load that started after the reader arrived is as fresh as can be, even when it took longer than
    // the bound (the bench reports the sizes where that happens on the embedded database).
    return started >= arrivedAt || Date.now() - started <= boundMs;
  };

  return {
    async get(key) {
      const arrivedAt = Date.now();
      const neededSeq = writeSeq.get(key) ?? 0;
      lastRead.set(key, arrivedAt);
      // Started inside the reader's app, so the timer's refreshes load through that app's collaborators.
      timer ??= setInterval(tick, Math.max(20, Math.floor((boundMs * REFRESH_AT) / 2))).unref();
      try {
        let stored = await cache.fetch(key);
        // At most two waits: one for a load already in flight, one for a load started after arriving.
        for (let attempt = 0; attempt < 2 && !acceptable(stored, arrivedAt, neededSeq); attempt++) {
          stored = await cache.fetch(key, { forceRefresh: true, allowStale: false });
        }
        if (stored && acceptable(stored, arrivedAt, neededSeq)) return stored;
      } catch {
        // counted and logged by the load
      }
      throw new DatabaseUnavailableError(`The ${options.bound} read model could not load in time`);
    },
    forget(key) {
      if (key === undefined) cache.clear();
      else cache.delete(key);
    },
    written(scope) {
      const key = scope === undefined ? undefined : options.keyOfScope?.(scope);
      if (key !== undefined) markWritten(key);
      else for (const known of new Set([...cache.keys(), ...lastRead.keys()])) markWritten(known);
    },
    stop() {
      stopTimer();
      lastRead.clear();
      cache.clear();
    },
  };
}

export function createReadModel<T>(options: ReadModelOptions<T>): BoundedReadModel<T> {
  const boundMs = options.boundMs ?? READ_BOUNDS[options.bound];
  // Outside any app (a script, a test's set-up) the values are kept under `undefined`.
  const byApp = new Map<Wiring | undefined, AppValues<T>>();
  const valuesOfRunningApp = () => {
    const wiring = runningWiring();
    let values = byApp.get(wiring);
    if (!values) {
      values = appValues(options, boundMs);
      byApp.set(wiring, values);
    }
    return values;
  };

  for (const topic of options.topics) {
    if (!listeners.has(topic)) listeners.set(topic, new Set());
    // A write concerns every app's values: they all read the same database.
    listeners.get(topic)!.add((scope) => {
      for (const values of byApp.values()) values.written(scope);
    });
  }

  everyModel.add({
    dropAll() {
      for (const values of byApp.values()) values.stop();
      byApp.clear();
    },
  });
  return {
    get: (key) => valuesOfRunningApp().get(key),
    forget(key) {
      for (const values of byApp.values()) values.forget(key);
    },
  };
}
