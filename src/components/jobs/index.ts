import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { createLogger } from '../../shared/logging/index.js';
import { jobsRoutes } from './jobs-routes.js';

/** The platform administrators' page of scheduled jobs (the jobs themselves belong to their components). */
export function jobsComponent(config: AppConfig): Component {
  return { name: 'jobs', router: jobsRoutes(accountsSettings(config), createLogger(config.logLevel)) };
}
