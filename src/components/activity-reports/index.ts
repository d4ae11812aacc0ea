import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { activityReportsHomeItems } from './activity-reports-home.js';
import { activityReportsRoutes } from './activity-reports-routes.js';

/**
 * Reports for those who give the time: a coordinator's report on the own organisation (offers' use,
 * free places, members' vetting, check-ins; small counts about children held back) and a volunteer's
 * printable record of their own volunteering. It reads other components through their index only.
 */
export function activityReportsComponent(config: AppConfig): Component {
  return {
    name: 'activity-reports',
    router: activityReportsRoutes(accountsSettings(config)),
    homeItems: activityReportsHomeItems,
  };
}
