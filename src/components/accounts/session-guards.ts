import type { RequestHandler } from 'express';
import { translatorFor } from '../../shared/i18n/index.js';
import { csrfTokenFor, flash } from '../../shared/http/index.js';
import { activeGrants } from './actor.js';
import { currentActor, currentUser } from './authorize.js';
import { can } from './policy.js';
import { HOME_PATH } from './complete-login.js';
import { findMunicipality } from '../geography/index.js';

export interface SessionGuardSettings {
  absoluteMs: number;
  idleMs: number;
  demoMode: boolean;
}

/**
 * Ends a session older than the absolute timeout whatever its activity, and gives the views what they
 * show about the person: name, current role, the role switcher, when the session will expire, and the
 * CSRF token for the logout and switcher forms.
 */
export function sessionGuards(settings: SessionGuardSettings): RequestHandler {
  return (req, res, next) => {
    res.locals.demoMode = settings.demoMode;
    const user = currentUser(req);
    if (!user) return next();
    const startedAt = req.session.authenticatedAt ?? 0;
    if (Date.now() - startedAt > settings.absoluteMs) {
      req.logout({ keepSessionInfo: false }, (error) => {
        if (error) return next(error);
        flash(req, 'info', 'accounts.login.sessionExpired');
        res.redirect(303, '/log-ind');
      });
      return;
    }
    const actor = currentActor(req);
    const t = translatorFor(res.locals.lang ?? 'da');
    res.set('Cache-Control', 'no-store');
    res.locals.csrfToken = csrfTokenFor(req);
    res.locals.currentUser = {
      name: user.name,
      roleLabel: actor ? t(`accounts.roles.${actor.role}`) : undefined,
      secondFactorPending: Boolean(req.session.secondFactorPending),
      grants: activeGrants(user).map((grant, index) => ({
        index,
        label:
          t(`accounts.roles.${grant.role}`) +
          (grant.municipalityCode
            ? ` – ${findMunicipality(grant.municipalityCode)?.name ?? grant.municipalityCode}`
            : ''),
        current:
          actor?.role === grant.role &&
          actor.municipalityCode === grant.municipalityCode &&
          actor.organisationId === grant.organisationId,
      })),
      sessionExpiresAt: new Date(Date.now() + settings.idleMs).toISOString(),
      idleMinutes: Math.round(settings.idleMs / 60_000),
    };
    // The menu is decided here, from the policy, never in a template.
    res.locals.navigation = req.session.secondFactorPending
      ? []
      : [
          { href: HOME_PATH, labelKey: 'home.title' },
          { href: '/konto', labelKey: 'layout.navAccount' },
          ...(can(actor, 'staff:manage')
            ? [{ href: '/kommune/medarbejdere', labelKey: 'layout.navStaff' }]
            : []),
          ...(can(actor, 'organisations:approve')
            ? [{ href: '/kommune/foreninger', labelKey: 'layout.navOrganisations' }]
            : []),
          ...(can(actor, 'municipality:configure')
            ? [{ href: '/kommune/indstillinger', labelKey: 'layout.navSettings' }]
            : []),
          ...(can(actor, 'matching:configure')
            ? [{ href: '/kommune/matchvaegte', labelKey: 'layout.navWeights' }]
            : []),
          ...(can(actor, 'members:invite')
            ? [{ href: '/forening/medlemmer', labelKey: 'layout.navMembers' }]
            : []),
          ...(can(actor, 'offers:manage')
            ? [{ href: '/forening/tilbud', labelKey: 'layout.navOffers' }]
            : []),
          ...(can(actor, 'vetting:record')
            ? [{ href: '/forening/godkendelse', labelKey: 'layout.navVetting' }]
            : []),
          ...(can(actor, 'vetting:declarations')
            ? [{ href: '/kommune/erklaeringer', labelKey: 'layout.navDeclarations' }]
            : []),
          ...(can(actor, 'volunteer:manage-own')
            ? [{ href: '/frivillig', labelKey: 'layout.navVolunteer' }]
            : []),
          ...(can(actor, 'requests:work') ? [{ href: '/sager', labelKey: 'layout.navRequests' }] : []),
          ...(can(actor, 'matches:answer-org')
            ? [{ href: '/forening/forslag', labelKey: 'layout.navProposals' }]
            : []),
          ...(can(actor, 'matches:answer-own')
            ? [{ href: '/frivillig/forslag', labelKey: 'layout.navOwnProposals' }]
            : []),
          ...(can(actor, 'platform:manage')
            ? [{ href: '/platform/kommuner', labelKey: 'layout.navMunicipalities' }]
            : []),
        ];
    next();
  };
}
