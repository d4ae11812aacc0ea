import { Router } from 'express';
import type { z } from 'zod';
import {
  authorize,
  contextFor,
  currentActor,
  type AccountsSettings,
  type Actor,
  type RequestContext,
} from '../accounts/index.js';
import { ConflictError, ValidationError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { renderMemberPage } from './coordinator-routes.js';
import {
  recordInterview,
  recordOrder,
  recordOutcome,
  recordReference,
  recordTraining,
  requireMember,
} from './coordinator-service.js';
import {
  emptySchema,
  interviewFormSchema,
  outcomeSchema,
  referenceFormSchema,
  trainingFormSchema,
} from './vetting-schemas.js';

interface Step<S extends z.ZodType> {
  segment: string;
  schema: S;
  record(actor: Actor, memberId: string, data: z.output<S>, context: RequestContext): Promise<void>;
}

// Checks each definition against its own schema, then erases the type so that all five fit one list.
function step<S extends z.ZodType>(definition: Step<S>): Step<z.ZodType> {
  return definition as unknown as Step<z.ZodType>;
}

// One small form per step, each its own POST; the member and the organisation come from the path and the
// session only (a hidden organisationId, userId or recordedBy is an unknown field: 400).
const STEPS = [
  step({ segment: 'bestilt', schema: emptySchema, record: (a, m, _d, c) => recordOrder(a, m, c) }),
  step({
    segment: 'udfald',
    schema: outcomeSchema,
    record: (a, m, d, c) => recordOutcome(a, m, d.outcome, c),
  }),
  step({ segment: 'samtale', schema: interviewFormSchema, record: recordInterview }),
  step({ segment: 'reference', schema: referenceFormSchema, record: recordReference }),
  step({ segment: 'kursus', schema: trainingFormSchema, record: recordTraining }),
];

export function stepRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('vetting:record');
  for (const { segment, schema, record } of STEPS) {
    defineRoute(
      router,
      { method: 'post', path: `/forening/godkendelse/:memberId/${segment}`, action: 'vetting:record' },
      guard,
      provideCsrfToken,
      async (req, res) => {
        const memberId = String(req.params.memberId);
        const actor = currentActor(req)!;
        // A stranger's id is a 404 before anything about the form is said.
        await requireMember(actor, memberId);
        const form = parseForm(schema, req.body);
        if (!form.ok) return renderMemberPage(req, res, memberId, form.fieldErrors, form.values);
        const values = Object.fromEntries(
          Object.entries(req.body as Record<string, unknown>).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '_csrf',
          ),
        );
        try {
          await record(actor, memberId, form.data, contextFor(req, settings.baseUrl));
        } catch (error) {
          if (error instanceof ValidationError)
            return renderMemberPage(req, res, memberId, error.fieldErrors, values);
          if (error instanceof ConflictError)
            return renderMemberPage(
              req,
              res,
              memberId,
              { _form: 'vetting.errors.changedMeanwhile' },
              values,
              409,
            );
          throw error;
        }
        flash(req, 'success', `vetting.saved.${segment}`);
        res.redirect(303, `/forening/godkendelse/${memberId}`);
      },
    );
  }
  return router;
}
