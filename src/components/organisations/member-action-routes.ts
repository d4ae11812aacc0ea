import { Router, type Request, type Response } from 'express';
import {
  authorize,
  contextFor,
  currentActor,
  refreshSessionEpoch,
  type AccountsSettings,
} from '../accounts/index.js';
import { defineRoute, flash, parseForm } from '../../shared/http/index.js';
import { emptySchema } from './organisation-schemas.js';
import {
  decideJoinRequest,
  handOverCoordinatorRole,
  removeMember,
  shareCoordinatorRole,
  type MemberActionOutcome,
} from './member-service.js';

const MEMBERS_PAGE = '/forening/medlemmer';

/**
 * A coordinator's decisions about one member of their own organisation, as POST forms on the members
 * page. The member comes from the path and must belong to the coordinator's organisation (else 404).
 */
export function memberActionRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('members:manage');

  const answer = (req: Request, res: Response, done: string, outcome: MemberActionOutcome) => {
    if (outcome === 'done') flash(req, 'success', `organisations.members.done.${done}`);
    else flash(req, 'warning', `organisations.members.outcome.${outcome}`);
    res.redirect(303, MEMBERS_PAGE);
  };

  const actions: Record<string, (req: Request) => Promise<MemberActionOutcome>> = {
    godkend: (req) =>
      decideJoinRequest(currentActor(req)!, String(req.params.personId), 'active', context(req)),
    afvis: (req) =>
      decideJoinRequest(currentActor(req)!, String(req.params.personId), 'declined', context(req)),
    'gor-til-koordinator': (req) =>
      shareCoordinatorRole(currentActor(req)!, String(req.params.personId), context(req)),
    fjern: (req) => removeMember(currentActor(req)!, String(req.params.personId), context(req)),
  };
  const context = (req: Request) => contextFor(req, settings.baseUrl);

  for (const [segment, act] of Object.entries(actions)) {
    defineRoute(
      router,
      { method: 'post', path: `${MEMBERS_PAGE}/:personId/${segment}`, action: 'members:manage' },
      guard,
      async (req, res) => {
        parseForm(emptySchema, req.body);
        answer(req, res, segment, await act(req));
      },
    );
  }

  defineRoute(
    router,
    { method: 'post', path: `${MEMBERS_PAGE}/:personId/overdrag`, action: 'members:manage' },
    guard,
    async (req, res) => {
      parseForm(emptySchema, req.body);
      const { outcome, sessionEpoch } = await handOverCoordinatorRole(
        currentActor(req)!,
        String(req.params.personId),
        context(req),
        req.sessionID,
      );
      if (outcome !== 'done' || !sessionEpoch) return answer(req, res, 'overdrag', outcome);
      // The person is no longer coordinator here: keep this session, acting in their first remaining role.
      await refreshSessionEpoch(req, sessionEpoch);
      req.session.activeGrant = 0;
      flash(req, 'success', 'organisations.members.done.overdrag');
      res.redirect(303, '/konto');
    },
  );

  return router;
}
