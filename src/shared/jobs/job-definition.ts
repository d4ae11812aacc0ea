import { seam, wired } from '../wiring/index.js';
import type { HeldItem } from './item-fence.js';

/** What a running job is given: its time, who runs it, when to stop, and once-only item processing. */
export interface JobContext {
  /** The run's time for the domain rules (what is due). Tests inject it; leases use the database's clock. */
  now: Date;
  instanceId: string;
  trigger: JobTrigger;
  /** Aborted on SIGTERM: no new item is started, the current one finishes or is released. */
  signal: AbortSignal;
  /**
   * Completes each item once across every instance and every run: each is claimed by a unique insert
   * with a lease before `work` runs, skipped when done or held, and marked done only after `work`
   * returns. An item whose holder died (or failed) is taken over after the lease, so `work` may run again
   * for it: it does its effects through `held.fenced(...)` (refused once the lease is lost) and gives each
   * mail `held.effectKey(...)` as its idempotency key (a repeat is refused). Returns how many this run did.
   */
  eachItem<T>(
    items: Iterable<T>,
    keyOf: (item: T) => string,
    work: (item: T, held: HeldItem) => Promise<void>,
  ): Promise<number>;
}

export type JobTrigger = 'schedule' | 'manual' | 'shell';

export interface JobDefinition {
  name: string;
  /** A cron expression, evaluated in Europe/Copenhagen time. */
  schedule: string;
  /** A number returned counts as the run's items (e.g. rows deleted). */
  run(context?: JobContext): Promise<unknown>;
  /**
   * Each instance runs every tick, sharing the items through `eachItem` claims. Without it (housekeeping),
   * the tick itself is claimed, so one instance runs it.
   */
  everyInstance?: boolean;
}

export interface JobRunSummary {
  job: string;
  items: number;
  failures: number;
  errorMessages: string[];
  interrupted: boolean;
  /** Items left because their lease ran out before their work was done (the instance stalled). */
  abandoned: number;
  /** False when another instance had already claimed this scheduled tick. */
  ran: boolean;
}

/** Every job of the app, as its scheduler got them: the jobs page lists and runs these. */
export const jobCatalogSeam = seam<readonly JobDefinition[]>('jobs.catalog');

/** The running app's jobs (none outside an app). */
export function jobCatalog(): readonly JobDefinition[] {
  return wired(jobCatalogSeam) ?? [];
}
