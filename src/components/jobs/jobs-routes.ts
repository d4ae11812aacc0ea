import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { defineRoute, flash, provideCsrfToken } from '../../shared/http/index.js';
import { jobCatalog, jobStatuses, lastRunsOf, runJob } from '../../shared/jobs/index.js';
import type { Logger } from '../../shared/logging/index.js';

/** The platform administrators' view of every scheduled job: schedule, latest runs, and "run now". */
export function jobsRoutes(settings: AccountsSettings, logger: Logger): Router {
  const router = Router();
  const guard = authorize('platform:jobs');

  const jobNamed = (req: Request) => {
    const job = jobCatalog().find((candidate) => candidate.name === req.params.name);
    if (!job) throw new NotFoundError();
    return job;
  };

  defineRoute(
    router,
    { method: 'get', path: '/platform/jobs', action: 'platform:jobs' },
    guard,
    provideCsrfToken,
    async (_req, res) => {
      const statuses = await jobStatuses();
      const jobs = await Promise.all(
        [...jobCatalog()]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map(async (job) => ({
            name: job.name,
            schedule: job.schedule,
            everyInstance: Boolean(job.everyInstance),
            latest: statuses.get(job.name),
            runs: await lastRunsOf(job.name, 5),
          })),
      );
      renderForm(res, 'jobs/jobs', { titleKey: 'jobs.title', jobs });
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/platform/jobs/:name/koer', action: 'platform:jobs' },
    guard,
    async (req, res) => {
      const job = jobNamed(req);
      const actor = currentActor(req)!;
      await recordAudit(
        {
          action: 'job.run-now',
          outcome: 'success',
          actorId: actor.userId,
          actorRole: actor.role,
          objectType: 'job',
          objectId: job.name,
        },
        contextFor(req, settings.baseUrl).origin,
      );
      // A job may take minutes: it runs on after the answer, and its run appears on the page when done.
      void runJob(job, { trigger: 'manual' }).catch((error: unknown) =>
        logger.error({ err: error, job: job.name }, 'job failed'),
      );
      flash(req, 'success', 'jobs.startedNotice');
      res.redirect(303, '/platform/jobs');
    },
  );

  return router;
}
