import type { RequestHandler, Router } from 'express';
import type { Model } from 'mongoose';
import type { JobDefinition } from '../jobs/index.js';
import type { Provision, Seam, Signal } from '../wiring/index.js';

/** The logged-in person's active role, as a home item provider needs it (structurally the accounts Actor). */
export interface HomeActor {
  userId: string;
  role: string;
  municipalityCode?: string;
  organisationId?: string;
}

/** One line on a person's home page: what needs them now, how many, and where it is done. */
export interface HomeItem {
  /** i18n key of the label; `count` is passed to it, so it can use plurals. */
  labelKey: string;
  count: number;
  /** A local path where the work is done. */
  href: string;
  /**
   * How urgently the line asks this person to act: a worry about a child first, then what is overdue, then
   * what is due. Only lines with an urgency (and a count) are marked; the rest tell, they do not ask.
   */
  urgency?: HomeUrgency;
}

/** Most urgent first: the order in which the home lists work. */
export const HOME_URGENCIES = ['worry', 'overdue', 'due'] as const;
export type HomeUrgency = (typeof HOME_URGENCIES)[number];

/** A component's items for the active role (none for roles it has nothing for). */
export type HomeItemsProvider = (actor: HomeActor) => Promise<HomeItem[]>;

/** What a domain component contributes: its routes, the models whose indexes it needs, its scheduled jobs. */
export interface Component {
  name: string;
  /** Runs for every request after sessions and CSRF, before any component's routes (e.g. passport). */
  middleware?: RequestHandler[];
  router?: Router;
  models?: ReadonlyArray<Model<never>>;
  jobs?: JobDefinition[];
  /** What this component puts on the home page (/overblik) of the active role. */
  homeItems?: HomeItemsProvider;
  /** The seams and signals of other components it builds on; the composition root connects them. */
  needs?: ReadonlyArray<Seam<unknown> | Signal<unknown>>;
  /** What it puts into other components' seams and which of their signals it listens to. */
  provides?: readonly Provision[];
}
