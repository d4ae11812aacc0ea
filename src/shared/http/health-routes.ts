import { Router, type RequestHandler } from 'express';
import { defineRoute } from './route-table.js';

// Probes are for load balancers and orchestrators: open to all, no session, nothing personal.
const openToAll: RequestHandler = (_req, _res, next) => next();

export interface HealthChecks {
  isShuttingDown(): boolean;
  pingDatabase(): Promise<boolean>;
}

/** /livez: the process runs. /readyz: it can serve (database answers, not shutting down). */
export function healthRoutes(checks: HealthChecks): Router {
  const router = Router();
  defineRoute(router, { method: 'get', path: '/livez', action: 'public' }, openToAll, (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  defineRoute(router, { method: 'get', path: '/readyz', action: 'public' }, openToAll, async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (checks.isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' });
      return;
    }
    const databaseUp = await checks.pingDatabase();
    res.status(databaseUp ? 200 : 503).json({ status: databaseUp ? 'ok' : 'database-unavailable' });
  });
  return router;
}
