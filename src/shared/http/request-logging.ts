import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../logging/index.js';

// Accept a caller's request id (from a proxy) only when it is a harmless token; otherwise make one.
const SAFE_REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
const UNLOGGED_PATHS = new Set(['/livez', '/readyz']);

function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

function levelFor(statusCode: number): 'error' | 'warn' | 'info' {
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

/**
 * One structured line per request (id, method, path without the query, status, time), with the id in
 * X-Request-Id and on req.id. Written on pino directly rather than through pino-http: pino-http builds a
 * child logger and serialises the request for every request even when its line is below the log level,
 * which cost about a quarter of the front page's throughput in `npm run bench`.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = requestIdFor(req);
    req.id = id;
    res.setHeader('X-Request-Id', id);
    res.locals.requestId = id;
    const path = req.url.split('?')[0] ?? '';
    if (UNLOGGED_PATHS.has(path)) return next();
    const startedAt = performance.now();
    // 'close' follows 'finish' for a completed response, and comes alone for an aborted one.
    res.once('close', () => {
      const level = res.writableFinished ? levelFor(res.statusCode) : 'warn';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id, method: req.method, path },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - startedAt),
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    });
    next();
  };
}
