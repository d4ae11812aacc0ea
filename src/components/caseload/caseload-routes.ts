import { Router } from 'express';
import { authorize, currentActor } from '../accounts/index.js';
import { findMunicipality } from '../geography/index.js';
import { defineRoute } from '../../shared/http/index.js';
import { ownCaseload, teamCaseload } from './caseload-service.js';
import { ownPageModel, teamPageModel } from './caseload-views.js';

/** The social worker's own caseload over time, and the team's for the leader and the administrator. */
export function caseloadRoutes(): Router {
  const router = Router();

  defineRoute(
    router,
    { method: 'get', path: '/sager/rapport', action: 'caseload:own' },
    authorize('caseload:own'),
    async (req, res) => {
      res.render('caseload/own', ownPageModel(await ownCaseload(currentActor(req)!)));
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/kommune/rapport/team', action: 'caseload:team' },
    authorize('caseload:team'),
    async (req, res) => {
      const actor = currentActor(req)!;
      res.render('caseload/team', {
        ...teamPageModel(await teamCaseload(actor)),
        municipalityName: findMunicipality(actor.municipalityCode ?? '')?.name,
      });
    },
  );

  return router;
}
