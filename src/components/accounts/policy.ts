import type { Actor, Role } from './roles.js';

/**
 * The one place that decides who may do what. Routes ask it before anything else (authorize()),
 * services ask it again with the object they loaded (role + tenant + ownership), views never decide.
 */
export const POLICY = {
  /** Pages anyone may see, logged in or not. */
  public: { anonymous: true, roles: 'any' },
  /** Pages for logging in and signing up: anyone. */
  'auth:use': { anonymous: true, roles: 'any' },
  /** The second-factor challenge and enrolment: logged in, second factor not yet given. */
  'auth:second-factor': { anonymous: false, roles: 'any' },
  /** Your own account: profile, password, second factor, sessions. */
  'account:manage-own': { anonymous: false, roles: 'any' },
  /** The municipality's staff: list, invite, change role, disable (own municipality only). */
  'staff:manage': { anonymous: false, roles: ['municipal-admin'] },
  /** The own municipality's settings: vetting validity, training, follow-up cadence, retention. */
  'municipality:configure': { anonymous: false, roles: ['municipal-admin'] },
  /** Register a new organisation (the person becomes its coordinator; municipalities approve it). */
  'organisations:register': { anonymous: false, roles: 'any' },
  /** Approve, reject or suspend the organisations that work in the own municipality. */
  'organisations:approve': { anonymous: false, roles: ['municipal-admin'] },
  /** The own organisation's members: invite volunteers and fellow coordinators. */
  'members:invite': { anonymous: false, roles: ['coordinator'] },
  /** The own organisation's members: approve or decline join requests, remove, share or hand over the role. */
  'members:manage': { anonymous: false, roles: ['coordinator'] },
  /** The own organisation's concrete offers (capacity): create, edit, pause. */
  'offers:manage': { anonymous: false, roles: ['coordinator'] },
  /** A volunteer's own profile, memberships (join, leave), pause and deletion. */
  'volunteer:manage-own': { anonymous: false, roles: ['volunteer'] },
  /** A volunteer's own vetting: see its state, consent to the organisation ordering a børneattest. */
  'vetting:own': { anonymous: false, roles: ['volunteer'] },
  /** Vetting of the own organisation's members: børneattest, interview, references, training, overview. */
  'vetting:record': { anonymous: false, roles: ['coordinator'] },
  /** The yearly børneattest declaration of the own (folkeoplysende) association. */
  'vetting:declare': { anonymous: false, roles: ['coordinator'] },
  /** Which associations in the own municipality have declared this year. */
  'vetting:declarations': { anonymous: false, roles: ['municipal-admin'] },
  /** Children's requests and their matches in the own municipality: caseload, create, read (the team), change (the responsible worker). */
  'requests:work': { anonymous: false, roles: ['social-worker'] },
  /** Proposals and matches of the own organisation: see them (never the case), accept or decline for the organisation. */
  'matches:answer-org': { anonymous: false, roles: ['coordinator'] },
  /** A volunteer's own proposals and matches: see them, accept or decline for themself. */
  'matches:answer-own': { anonymous: false, roles: ['volunteer'] },
  /** The own municipality's weights for ranking candidates (matching). */
  'matching:configure': { anonymous: false, roles: ['municipal-admin'] },
  /** The own municipality's consent purposes and rules (which consents a proposal and an activation need). */
  'consent:configure': { anonymous: false, roles: ['municipal-admin'] },
  /** Municipalities on the platform: onboard and invite their first administrator. */
  'platform:manage': { anonymous: false, roles: ['platform-admin'] },
  /** One's own home (/overblik): what needs the active role now; each item is counted within its tenant. */
  'home:view': { anonymous: false, roles: 'any' },
  /** Scheduled jobs: their schedule and last runs, and running one now. */
  'platform:jobs': { anonymous: false, roles: ['platform-admin'] },
  /** A volunteer's own check-ins on their own matches. */
  'followups:checkin-own': { anonymous: false, roles: ['volunteer'] },
  /** Follow-ups of the own municipality's matches: plan, family conversations, answers and worries (the request's team). */
  'followups:work': { anonymous: false, roles: ['social-worker'] },
  /** Whether the own organisation's volunteers' check-ins are done (never the answers about the child). */
  'followups:overview-org': { anonymous: false, roles: ['coordinator'] },
  /** The own municipality's outcome report (figures with small cells held back) and its CSV exports. */
  'reports:municipality': { anonymous: false, roles: ['leader', 'municipal-admin'] },
  /** A social worker's own caseload over time and what is due on it (counts of their own cases only). */
  'caseload:own': { anonymous: false, roles: ['social-worker'] },
  /** The caseload of each social worker in the own municipality (staff names and counts, nothing about a child). */
  'caseload:team': { anonymous: false, roles: ['leader', 'municipal-admin'] },
  /** The own municipality's yearly targets that the report measures progress against. */
  'reports:goals': { anonymous: false, roles: ['municipal-admin'] },
  /** The own organisation's report: offers' use, free places, members' vetting, check-ins (small counts held back), CSV. */
  'reports:organisation': { anonymous: false, roles: ['coordinator'] },
  /** A volunteer's own record of their volunteering (meetings, children, organisations), to print. */
  'reports:own-volunteering': { anonymous: false, roles: ['volunteer'] },
} as const satisfies Record<string, { anonymous: boolean; roles: 'any' | readonly Role[] }>;

export type Action = keyof typeof POLICY;

export interface PolicyTarget {
  municipalityCode?: string;
  organisationId?: string;
  ownerId?: string;
}

export function isAction(value: string): value is Action {
  return Object.hasOwn(POLICY, value);
}

/** May this actor (undefined: anonymous) do this action, to this target if one is given? Fails closed. */
export function can(actor: Actor | undefined, action: Action, target: PolicyTarget = {}): boolean {
  try {
    const rule = POLICY[action];
    if (!rule) return false;
    if (!actor) return rule.anonymous;
    if (rule.roles !== 'any' && !(rule.roles as readonly Role[]).includes(actor.role)) return false;
    return withinTenant(actor, target);
  } catch {
    return false;
  }
}

function withinTenant(actor: Actor, target: PolicyTarget): boolean {
  if (target.ownerId !== undefined && target.ownerId !== actor.userId) return false;
  if (target.municipalityCode !== undefined && actor.role !== 'platform-admin') {
    if (actor.municipalityCode !== target.municipalityCode) return false;
  }
  if (target.organisationId !== undefined && actor.role === 'coordinator') {
    if (actor.organisationId !== target.organisationId) return false;
  }
  return true;
}
