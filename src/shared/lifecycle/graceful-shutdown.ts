import type { Server } from 'node:http';
import type { Logger } from '../logging/logger.js';

export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

export interface ShutdownOptions {
  server: Server;
  /** Run in order after the server stops accepting and in-flight requests finish. */
  steps: ShutdownStep[];
  timeoutMs: number;
  logger: Logger;
  onShuttingDown(): void;
}

/**
 * Stops accepting connections, lets in-flight requests finish (bounded by timeoutMs), then runs the
 * steps (scheduler, database, embedded database). Resolves true when everything finished in time.
 */
export async function shutDownGracefully(options: ShutdownOptions): Promise<boolean> {
  const { server, steps, timeoutMs, logger } = options;
  options.onShuttingDown();
  const deadline = Date.now() + timeoutMs;

  const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const drained = await withDeadline(serverClosed, deadline);
  if (!drained) {
    logger.warn('in-flight requests did not finish in time; closing their connections');
    server.closeAllConnections();
  }

  let clean = drained;
  for (const step of steps) {
    try {
      const finished = await withDeadline(step.run(), deadline + 2000);
      if (!finished) {
        clean = false;
        logger.warn({ step: step.name }, 'shutdown step timed out');
      }
    } catch (error) {
      clean = false;
      logger.error({ err: error, step: step.name }, 'shutdown step failed');
    }
  }
  return clean;
}

async function withDeadline(work: Promise<void>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
