import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

/**
 * A collaborator one component needs and another provides: at most one per app (a later provision
 * replaces an earlier one, so an app built for a test may put its own in place).
 */
export interface Seam<T> {
  readonly kind: 'seam';
  readonly name: string;
  /** Carries the collaborator's type only; never set. */
  readonly type?: T;
}

/** Something that happens in one component and that others hear of: every listener of the app runs. */
export interface Signal<T> {
  readonly kind: 'signal';
  readonly name: string;
  readonly type?: T;
}

export function seam<T>(name: string): Seam<T> {
  return Object.freeze({ kind: 'seam', name });
}

export function signal<T>(name: string): Signal<T> {
  return Object.freeze({ kind: 'signal', name });
}

/** One connection made at the composition root: a seam filled, or a listener added to a signal. */
export type Provision =
  | { readonly to: Seam<unknown>; readonly value: unknown }
  | { readonly to: Signal<unknown>; readonly value: unknown };

/** Undefined leaves the seam empty (an app built without that collaborator, as a test may need). */
export function provide<T>(to: Seam<T>, value: T | undefined): Provision {
  return Object.freeze({ to, value });
}

export function listen<T>(to: Signal<T>, listener: T): Provision {
  return Object.freeze({ to, value: listener });
}

const storage = new AsyncLocalStorage<Wiring>();

/**
 * The connections of one app, made once when the app is assembled and never changed after. Requests and
 * job runs of the app run inside it (see `run`), so service code finds its collaborators with `wired` and
 * `listenersOf` without their being passed down; two apps in one process have two wirings.
 */
export class Wiring {
  readonly #seams = new Map<Seam<unknown>, unknown>();
  readonly #signals = new Map<Signal<unknown>, unknown[]>();

  constructor(provisions: readonly Provision[]) {
    for (const { to, value } of provisions) {
      if (to.kind === 'seam') {
        if (value === undefined) this.#seams.delete(to);
        else this.#seams.set(to, value);
      } else this.#signals.set(to, [...(this.#signals.get(to) ?? []), value]);
    }
  }

  get<T>(which: Seam<T>): T | undefined {
    return this.#seams.get(which) as T | undefined;
  }

  listeners<T>(which: Signal<T>): readonly T[] {
    return (this.#signals.get(which) ?? []) as T[];
  }

  /** Whether a seam is filled, or a signal has at least one listener. */
  connects(which: Seam<unknown> | Signal<unknown>): boolean {
    return which.kind === 'seam' ? this.#seams.has(which) : this.listeners(which).length > 0;
  }

  /** Runs `work` (and everything it awaits or schedules) inside this wiring. */
  run<R>(work: () => R): R {
    return storage.run(this, work);
  }
}

/** The collaborator the running app put in this seam; undefined outside any app, so callers fail closed. */
export function wired<T>(which: Seam<T>): T | undefined {
  return storage.getStore()?.get(which);
}

/** The wiring of the running app, or undefined outside any app (per-app state is kept per wiring). */
export function runningWiring(): Wiring | undefined {
  return storage.getStore();
}

/** The running app's listeners of this signal; none outside any app. */
export function listenersOf<T>(which: Signal<T>): readonly T[] {
  return storage.getStore()?.listeners(which) ?? [];
}

/** Every request of the app runs inside the app's wiring. */
export function wiringMiddleware(wiring: Wiring): RequestHandler {
  return (_req, _res, next) => wiring.run(next);
}

/**
 * Makes `wiring` the one of the current execution and of everything it starts afterwards. Only for a
 * test runner's set-up, where no single call wraps each test; everywhere else `run` scopes it.
 */
export function enterWiring(wiring: Wiring): void {
  storage.enterWith(wiring);
}
