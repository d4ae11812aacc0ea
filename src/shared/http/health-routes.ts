import { Router } from 'express';

export interface HealthChecks {
  isShuttingDown(): boolean;
  pingDatabase(): Promise<boolean>;
}

/** /livez: the process runs. /readyz: it can serve (database answers, not shutting down). */
export function healthRoutes(checks: HealthChecks): Router {
  const router = Router();
  router.get('/livez', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
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
