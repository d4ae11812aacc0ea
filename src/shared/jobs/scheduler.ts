import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logging/logger.js';

export interface JobDefinition {
  name: string;
  /** A cron expression, evaluated in Europe/Copenhagen time. */
  schedule: string;
  run(): Promise<void>;
}

export interface Scheduler {
  start(): void;
  /** Stops scheduling and waits for jobs that are running to finish. */
  stop(): Promise<void>;
  readonly jobNames: string[];
}

/** Runs the components' scheduled jobs in this process; later issues add leases so only one instance runs each. */
export function createScheduler(jobs: JobDefinition[], logger: Logger): Scheduler {
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<void>>();

  const runJob = (job: JobDefinition) => {
    const execution = job
      .run()
      .catch((error: unknown) => logger.error({ err: error, job: job.name }, 'job failed'))
      .finally(() => running.delete(execution));
    running.add(execution);
    return execution;
  };

  return {
    jobNames: jobs.map((job) => job.name),
    start() {
      for (const job of jobs) {
        tasks.push(
          cron.schedule(job.schedule, () => runJob(job), {
            name: job.name,
            noOverlap: true,
            timezone: 'Europe/Copenhagen',
          }),
        );
      }
    },
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      await Promise.allSettled([...running]);
    },
  };
}
