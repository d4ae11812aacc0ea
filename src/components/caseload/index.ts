import type { Component } from '../../shared/http/index.js';
import { caseloadHomeItems } from './caseload-home.js';
import { caseloadRoutes } from './caseload-routes.js';

/**
 * Social workers' caseloads over time: their own requests and matches month by month and what is due,
 * and the team's per social worker for the municipality's leader and administrator. Counts only.
 */
export function caseloadComponent(): Component {
  return { name: 'caseload', router: caseloadRoutes(), homeItems: caseloadHomeItems };
}
