import { Router, type Request } from 'express';
import {
  authorize,
  contextFor,
  currentActor,
  currentUser,
  invite,
  renderForm,
  type AccountsSettings,
} from '../accounts/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { inviteMemberSchema } from './organisation-schemas.js';
import { membersOverview } from './member-overview.js';
import { findOrganisation } from './organisation-service.js';

/**
 * A coordinator's members page: the members, join requests and earlier members, and invitations of
 * volunteers and fellow coordinators (the actions on members are in member-action-routes.ts). The
 * organisation always comes from the coordinator's active role, never from the form.
 */
export function memberRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('members:invite');

  const pageModel = async (req: Request) => {
    const actor = currentActor(req)!;
    const organisation = await findOrganisation(actor.organisationId);
    if (!organisation) throw new NotFoundError();
    return {
      titleKey: 'organisations.members.title',
      organisationName: organisation.name,
      ...(await membersOverview(String(organisation._id), actor.userId)),
    };
  };

  defineRoute(
    router,
    { method: 'get', path: '/forening/medlemmer', action: 'members:invite' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      renderForm(res, 'organisations/members', await pageModel(req));
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/forening/medlemmer/inviter', action: 'members:invite' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const model = await pageModel(req);
      const form = parseForm(inviteMemberSchema, req.body);
      if (!form.ok) return renderForm(res, 'organisations/members', model, form.fieldErrors, form.values);
      const actor = currentActor(req)!;
      await invite(
        { ...actor, name: currentUser(req)!.name },
        {
          email: form.data.email,
          role: form.data.role,
          organisationId: actor.organisationId,
          placeName: model.organisationName,
        },
        contextFor(req, settings.baseUrl),
      );
      flash(req, 'success', 'organisations.members.invited');
      res.redirect(303, '/forening/medlemmer');
    },
  );

  return router;
}
