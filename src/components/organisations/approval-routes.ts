import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { findMunicipality } from '../geography/index.js';
import { ConflictError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import type { ApprovalDecision } from './organisation-rules.js';
import { decisionSchema } from './organisation-schemas.js';
import { decideOrganisation, listForMunicipality } from './organisation-service.js';
import { ValidationError } from '../../shared/errors/index.js';

const ACTIONS: Record<string, ApprovalDecision> = {
  godkend: 'approved',
  afvis: 'rejected',
  suspender: 'suspended',
};

/** A municipal administrator approves, rejects or suspends the organisations that work in their municipality. */
export function approvalRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('organisations:approve');

  const pageModel = async (req: Request) => {
    const actor = currentActor(req)!;
    return {
      titleKey: 'organisations.approval.title',
      municipalityName: findMunicipality(actor.municipalityCode ?? '')?.name,
      organisations: await listForMunicipality(actor),
    };
  };

  defineRoute(
    router,
    { method: 'get', path: '/kommune/foreninger', action: 'organisations:approve' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      renderForm(res, 'organisations/approval', await pageModel(req));
    },
  );

  for (const [segment, decision] of Object.entries(ACTIONS)) {
    defineRoute(
      router,
      {
        method: 'post',
        path: `/kommune/foreninger/:organisationId/${segment}`,
        action: 'organisations:approve',
      },
      guard,
      provideCsrfToken,
      async (req, res) => {
        const form = parseForm(decisionSchema, req.body);
        if (!form.ok)
          return renderForm(res, 'organisations/approval', await pageModel(req), form.fieldErrors);
        try {
          await decideOrganisation(
            currentActor(req)!,
            String(req.params.organisationId),
            decision,
            { reason: form.data.reason, seenVersion: form.data.version },
            contextFor(req, settings.baseUrl),
          );
        } catch (error) {
          if (error instanceof ValidationError)
            return renderForm(res, 'organisations/approval', await pageModel(req), error.fieldErrors);
          if (error instanceof ConflictError) {
            flash(req, 'warning', 'organisations.approval.changedMeanwhile');
            return res.redirect(303, '/kommune/foreninger');
          }
          throw error;
        }
        flash(req, 'success', `organisations.approval.done.${decision}`);
        res.redirect(303, '/kommune/foreninger');
      },
    );
  }

  return router;
}
