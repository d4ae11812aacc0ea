import { Router, type Request, type Response } from 'express';
import {
  authorize,
  contextFor,
  currentActor,
  refreshSessionEpoch,
  renderForm,
  type AccountsSettings,
} from '../accounts/index.js';
import { listOnboardedMunicipalities } from '../municipalities/index.js';
import {
  leaveOrganisation,
  listJoinableOrganisations,
  organisationsOfMember,
  requestToJoin,
} from '../organisations/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { browseSchema, emptySchema } from './volunteer-schemas.js';

const BROWSE_PAGE = '/frivillig/foreninger';

/** Volunteers browse approved organisations, ask to join, withdraw a request or leave. */
export function organisationBrowseRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('volunteer:manage-own');

  defineRoute(
    router,
    { method: 'get', path: BROWSE_PAGE, action: 'volunteer:manage-own' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const query = parseForm(browseSchema, req.query);
      const filter: { kommune?: string; q?: string } = query.ok ? query.data : {};
      const [organisations, mine, municipalities] = await Promise.all([
        listJoinableOrganisations({ municipalityCode: filter.kommune, search: filter.q }),
        organisationsOfMember(currentActor(req)!.userId),
        listOnboardedMunicipalities(),
      ]);
      const states = new Map(mine.map((membership) => [membership.organisationId, membership.status]));
      renderForm(
        res,
        'volunteers/organisations',
        {
          titleKey: 'volunteers.organisations.title',
          organisations: organisations.map((organisation) => {
            const status = states.get(organisation.id);
            return {
              ...organisation,
              status,
              canLeave: status === 'active' || status === 'requested',
              canJoin: !status || !['active', 'requested'].includes(status),
            };
          }),
          municipalities: municipalities.map((municipality) => ({
            code: municipality.code,
            name: municipality.name,
            selected: municipality.code === filter.kommune,
          })),
          search: filter.q,
        },
        query.ok ? {} : query.fieldErrors,
        query.ok ? {} : query.values,
      );
    },
  );

  const back = (req: Request, res: Response, key: string, kind: 'success' | 'warning') => {
    flash(req, kind, key);
    res.redirect(303, BROWSE_PAGE);
  };

  defineRoute(
    router,
    { method: 'post', path: `${BROWSE_PAGE}/:organisationId/anmod`, action: 'volunteer:manage-own' },
    guard,
    async (req, res) => {
      parseForm(emptySchema, req.body);
      const outcome = await requestToJoin(
        currentActor(req)!,
        String(req.params.organisationId),
        contextFor(req, settings.baseUrl),
      );
      back(req, res, `volunteers.organisations.join.${outcome}`, outcome === 'done' ? 'success' : 'warning');
    },
  );

  defineRoute(
    router,
    { method: 'post', path: `${BROWSE_PAGE}/:organisationId/forlad`, action: 'volunteer:manage-own' },
    guard,
    async (req, res) => {
      parseForm(emptySchema, req.body);
      const { outcome, sessionEpoch } = await leaveOrganisation(
        currentActor(req)!,
        String(req.params.organisationId),
        contextFor(req, settings.baseUrl),
        req.sessionID,
      );
      // Leaving ended a coordinator role: this session stays, with the new epoch.
      if (sessionEpoch) await refreshSessionEpoch(req, sessionEpoch);
      back(req, res, `volunteers.organisations.leave.${outcome}`, outcome === 'done' ? 'success' : 'warning');
    },
  );

  return router;
}
