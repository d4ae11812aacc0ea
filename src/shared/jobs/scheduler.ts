import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logging/index.js';
import type { JobDefinition } from './job-definition.js';
import { runJob } from './job-runner.js';

export interface Scheduler {
  start(): void;
  /** Stops scheduling; running jobs start no new item, finish or release the current one, and are awaited. */
  stop(): Promise<void>;
  readonly jobNames: string[];
}

export interface SchedulerOptions {
  /** Replaces every job's schedule (failover drills and the multi-instance tests tick every few seconds). */
  scheduleOverride?: string;
  /** Only these jobs tick (all when empty). */
  only?: string[];
}

/**
 * Triggers the components' jobs with node-cron in this process. Several instances may run side by side:
 * items are claimed once through `eachItem`, and a job that is not `everyInstance` claims each tick.
 */
export function createScheduler(
  jobs: JobDefinition[],
  logger: Logger,
  options: SchedulerOptions = {},
): Scheduler {
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<void>>();
  const stopping = new AbortController();
  const selected = jobs.filter((job) => !options.only?.length || options.only.includes(job.name));

  const tick = (job: JobDefinition, scheduledAt: Date) => {
    if (stopping.signal.aborted) return;
    const execution = runJob(job, { trigger: 'schedule', signal: stopping.signal, tick: scheduledAt })
      .then((summary) => {
        if (summary.failures > 0) logger.error(summary, 'job had failures');
        else if (summary.abandoned > 0)
          logger.warn(summary, 'job left items whose lease ran out; another instance finishes them');
        else if (summary.ran && summary.items > 0)
          logger.info({ job: job.name, items: summary.items }, 'job ran');
      })
      .catch((error: unknown) => logger.error({ err: error, job: job.name }, 'job failed'))
      .finally(() => running.delete(execution));
    running.add(execution);
    return execution;
  };

  return {
    jobNames: selected.map((job) => job.name),
    start() {
      for (const job of selected) {
        tasks.push(
          cron.schedule(
            options.scheduleOverride ?? job.schedule,
            (context) => tick(job, new Date(Math.floor(context.date.getTime() / 1000) * 1000)),
            { name: job.name, noOverlap: true, timezone: 'Europe/Copenhagen' },
          ),
        );
      }
    },
    async stop() {
      stopping.abort();
      await Promise.all(tasks.map((task) => task.stop()));
      await Promise.allSettled([...running]);
    },
  };
}
