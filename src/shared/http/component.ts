import type { RequestHandler, Router } from 'express';
import type { Model } from 'mongoose';

/** What a domain component contributes to the app: its routes and the models whose indexes it needs. */
export interface Component {
  name: string;
  /** Runs for every request after sessions and CSRF, before any component's routes (e.g. passport). */
  middleware?: RequestHandler[];
  router?: Router;
  models?: ReadonlyArray<Model<never>>;
}
