import type { Role } from '../../src/components/accounts/index.js';

/** Who a route-table test acts as: a role, a visitor, or someone halfway through logging in. */
export type Kind = Role | 'anonymous' | 'second-factor-pending';

/** Which kind of person reaches each policy action's forms (so the payload meets the handler, not a 404). */
export const ROLE_FOR_ACTION: Record<string, Kind> = {
  public: 'anonymous',
  'auth:use': 'anonymous',
  'auth:second-factor': 'second-factor-pending',
  'account:manage-own': 'volunteer',
  'staff:manage': 'municipal-admin',
  'municipality:configure': 'municipal-admin',
  'members:invite': 'coordinator',
  'members:manage': 'coordinator',
  'offers:manage': 'coordinator',
  'volunteer:manage-own': 'volunteer',
  'vetting:own': 'volunteer',
  'vetting:record': 'coordinator',
  'vetting:declare': 'coordinator',
  'vetting:declarations': 'municipal-admin',
  'organisations:register': 'volunteer',
  'organisations:approve': 'municipal-admin',
  'requests:work': 'social-worker',
  'matches:answer-org': 'coordinator',
  'matches:answer-own': 'volunteer',
  'matching:configure': 'municipal-admin',
  'consent:configure': 'municipal-admin',
  'platform:manage': 'platform-admin',
  'platform:jobs': 'platform-admin',
  'followups:checkin-own': 'volunteer',
  'followups:work': 'social-worker',
  'followups:overview-org': 'coordinator',
  'reports:municipality': 'municipal-admin',
  'reports:goals': 'municipal-admin',
  'reports:organisation': 'coordinator',
  'reports:own-volunteering': 'volunteer',
  'caseload:own': 'social-worker',
  'caseload:team': 'leader',
  'home:view': 'volunteer',
};
