import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import { RETRY_AFTER_SECONDS, wantsJson } from '../http/index.js';
import type { Logger } from '../logging/index.js';

// Node's own methods, not the instance's: express-session wraps end() to save the session first (and
// writeHead() to set its cookie), which would hold a 503 back when the database is what is slow.
const nodeWriteHead = ServerResponse.prototype.writeHead as (
  this: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
) => ServerResponse;
const nodeEnd = ServerResponse.prototype.end as (this: ServerResponse, chunk: Buffer) => ServerResponse;

const FALLBACK_PAGE =
  '<!doctype html><html lang="da"><title>Brobygning</title>' +
  '<h1>Brobygning er midlertidigt utilgængelig</h1></html>';

/**
 * Answers a request that is still running when the stop's limit is reached: 503 with Retry-After and
 * `Connection: close`, the site's 503 page (or JSON for JSON clients, by the error handler's rule). The
 * handler keeps running; whatever it writes to the response afterwards is dropped, so its late answer
 * cannot throw (headers already sent) or emit an unhandled 'error' (write after end) in a callback.
 */
export function answerCutOffRequest(req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  const requestId = (res as Partial<Response>).locals?.requestId as string | undefined;
  if (wantsJson(req.headers.accept, (req as Partial<Request>).path ?? req.url ?? '')) {
    send(
      res,
      'application/json; charset=utf-8',
      JSON.stringify({ error: { code: 'SHUTTING_DOWN', requestId } }),
      logger,
    );
    return;
  }
  const render = (res as Partial<Response>).render?.bind(res);
  if (!render) {
    send(res, 'text/html; charset=utf-8', FALLBACK_PAGE, logger);
    return;
  }
  // Rendered first, sent in one synchronous step: if the handler answers in between, its answer stands.
  render('errors/503', { requestId, titleKey: 'errors.503.title' }, (error: Error | null, html?: string) => {
    if (error) logger.error({ err: error }, 'error page failed to render');
    send(res, 'text/html; charset=utf-8', error || !html ? FALLBACK_PAGE : html, logger);
  });
}

function send(res: ServerResponse, contentType: string, body: string, logger: Logger): void {
  if (res.headersSent || res.destroyed) return;
  const payload = Buffer.from(body);
  // A 503 changes nothing for the client: no cookie the handler may have set.
  res.removeHeader('Set-Cookie');
  nodeWriteHead.call(res, 503, {
    'Content-Type': contentType,
    'Content-Length': payload.length,
    'Retry-After': String(RETRY_AFTER_SECONDS),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  nodeEnd.call(res, payload);
  dropLaterWrites(res, logger);
}

/** Replaces the response's writing methods with ones that do nothing (and say so once in the log). */
function dropLaterWrites(res: ServerResponse, logger: Logger): void {
  let noted = false;
  const note = () => {
    if (noted) return;
    noted = true;
    logger.info(
      { reqId: (res as Partial<Response>).locals?.requestId },
      'a request answered 503 at the shutdown limit tried to answer later; dropped',
    );
  };
  const callLast = (args: unknown[]) => {
    const callback = args[args.length - 1];
    if (typeof callback === 'function') process.nextTick(callback);
  };
  // The request log reads the status when the response closes: it stays the 503 that was sent.
  Object.defineProperty(res, 'statusCode', { get: () => 503, set: () => undefined });
  const dropped = res as unknown as Record<string, unknown>;
  for (const method of ['setHeader', 'appendHeader', 'writeHead', 'flushHeaders', 'destroy']) {
    dropped[method] = () => {
      note();
      return res;
    };
  }
  dropped.removeHeader = () => note();
  dropped.write = (...args: unknown[]) => {
    note();
    callLast(args);
    return true;
  };
  dropped.end = (...args: unknown[]) => {
    note();
    callLast(args);
    return res;
  };
}
