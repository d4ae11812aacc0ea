import type { Router } from 'express';
import type { Model } from 'mongoose';

/** What a domain component contributes to the app: its routes and the models whose indexes it needs. */
export interface Component {
  name: string;
  router?: Router;
  models?: ReadonlyArray<Model<never>>;
}
