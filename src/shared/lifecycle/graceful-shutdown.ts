import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { Logger } from '../logging/index.js';
import { answerCutOffRequest } from './answer-cut-off-request.js';
import type { InFlightRequests } from './in-flight-requests.js';

interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

export interface ShutdownOptions {
  server: Server;
  requests: InFlightRequests;
  /** Run in order once every accepted request has been answered. */
  steps: ShutdownStep[];
  /** How long requests in flight may take before they are answered 503. */
  timeoutMs: number;
  logger: Logger;
  /** Called first, so that /readyz fails before anything else changes. */
  onShuttingDown(): void;
}

/** How long the 503 answers given at the limit may take to be written before connections are closed. */
const ANSWER_FLUSH_MS = 1000;
/** Each step's bound: a step that hangs (a job waiting on the database) must not keep the process. */
const STEP_LIMIT_MS = 3000;

/**
 * Stops without dropping an accepted request: /readyz fails, the listener stops accepting, every request
 * already received is answered (keep-alive connections close after their response), then the steps run.
 * A request still running at the limit is answered 503 instead of having its connection cut; its handler
 * may go on running, and fails once the database is closed. Resolves true when everything finished in time.
 */
export async function shutDownGracefully(options: ShutdownOptions): Promise<boolean> {
  const { server, requests, steps, timeoutMs, logger } = options;
  options.onShuttingDown();
  keepRunningThroughLateFailures(logger);
  const deadline = Date.now() + timeoutMs;

  requests.closeConnectionsAfterResponses();
  const serverClosed = stopAccepting(server);
  const drained = await withDeadline(serverClosed, deadline);
  if (!drained) {
    const cutOff = requests.unanswered();
    logger.warn(
      { answered503: cutOff.length, stillRunning: requests.count },
      'requests still running at the shutdown limit are answered 503',
    );
    for (const { req, res } of cutOff) answerCutOffRequest(req, res, logger);
    await withDeadline(requests.whenNone(), Date.now() + ANSWER_FLUSH_MS);
    // What remains: responses begun but not finished, and requests whose headers never completed.
    server.closeAllConnections();
  }

  let clean = drained;
  for (const step of steps) {
    try {
      const finished = await withDeadline(step.run(), Date.now() + STEP_LIMIT_MS);
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

/**
 * A handler answered 503 at the limit keeps running and fails when the database closes under it. A late
 * failure outside any request (a rejected promise nobody awaits, a throw in a callback) is logged from
 * now on; it must not turn a stop into a crash.
 */
function keepRunningThroughLateFailures(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled rejection while shutting down');
  });
  process.on('uncaughtException', (error) => {
    logger.error({ err: error }, 'uncaught exception while shutting down');
  });
}

/**
 * Closes the listener; resolves once every connection has closed. Not http.Server#close(): it also
 * destroys idle keep-alive connections at once, resetting a request already on its way over one. Those
 * are closed by the request tracker once nothing is in flight.
 */
function stopAccepting(server: Server): Promise<void> {
  return new Promise((resolve) => NetServer.prototype.close.call(server, () => resolve()));
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
