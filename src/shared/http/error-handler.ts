import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { classifyError, NotFoundError, type AppError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { attemptedAccess, type AttemptedAccess } from './route-table.js';

export const RETRY_AFTER_SECONDS = 10;

const VIEW_FOR_STATUS: Record<number, string> = {
  400: 'errors/400',
  403: 'errors/403',
  404: 'errors/404',
  429: 'errors/429',
  413: 'errors/400',
  503: 'errors/503',
};

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/** Records a refused attempt on an object a route names (the accounts component knows who asked). */
export type RefusalAudit = (req: Request, attempt: AttemptedAccess) => Promise<void>;

/**
 * The one place that turns errors into responses: a page for browsers, JSON for API clients. No stack
 * traces. A 404 or 403 on a route that declares an audited object is an attempt refused: it is recorded
 * (awaited, before the answer) through `auditRefusal`; a refusal that cannot be recorded is logged and
 * still answered as the refusal it is.
 */
export function errorHandler(
  logger: Logger,
  options: { auditRefusal?: RefusalAudit } = {},
): ErrorRequestHandler {
  return async (error: unknown, req, res, _next) => {
    const known: AppError | undefined = classifyError(error);
    const status = known?.status ?? 500;
    const code = known?.code ?? 'INTERNAL';
    if (status >= 500) {
      logger.error({ err: error, code, reqId: req.id }, 'request failed');
    }
    const attempt = attemptedAccess(res);
    if (attempt && options.auditRefusal && (code === 'NOT_FOUND' || code === 'FORBIDDEN')) {
      await options.auditRefusal(req, attempt).catch((failure: unknown) => {
        logger.error({ err: failure, reqId: req.id }, 'refused attempt not audited');
      });
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    res.set('Cache-Control', 'no-store');
    res.status(status);
    const requestId = res.locals.requestId as string | undefined;
    if (wantsJson(req.headers.accept, req.path)) {
      res.json({ error: { code, requestId } });
      return;
    }
    renderErrorPage(res, VIEW_FOR_STATUS[status] ?? 'errors/500', requestId, logger);
  };
}

/** Whether a client asked for JSON rather than a page: API paths, or an Accept with JSON and not HTML. */
export function wantsJson(accept: string | undefined, path: string): boolean {
  if (path.startsWith('/api/')) return true;
  return Boolean(accept && accept.includes('application/json') && !accept.includes('text/html'));
}

// If the error page itself cannot render, fall back to plain HTML rather than failing twice.
function renderErrorPage(res: Response, view: string, requestId: string | undefined, logger: Logger) {
  res.render(
    view,
    { requestId, titleKey: `${view.replace('/', '.')}.title` },
    (renderError: Error | null, html?: string) => {
      if (renderError) {
        logger.error({ err: renderError }, 'error page failed to render');
        res
          .type('html')
          .send(
            `<!doctype html><html lang="da"><title>Brobygning</title><h1>Der opstod en fejl</h1>` +
              `<p>Reference: ${requestId ?? '-'}</p></html>`,
          );
        return;
      }
      res.send(html);
    },
  );
}
