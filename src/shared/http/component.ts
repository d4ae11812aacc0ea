import type { RequestHandler, Router } from 'express';
import type { Model } from 'mongoose';
import type { JobDefinition } from '../jobs/index.js';

/** What a domain component contributes: its routes, the models whose indexes it needs, its scheduled jobs. */
export interface Component {
  name: string;
  /** Runs for every request after sessions and CSRF, before any component's routes (e.g. passport). */
  middleware?: RequestHandler[];
  router?: Router;
  models?: ReadonlyArray<Model<never>>;
  jobs?: JobDefinition[];
}
