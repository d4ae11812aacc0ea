import type { Actor, RequestContext } from '../accounts/index.js';
import { acknowledgeMissingYouthConsent, consentGateFor } from '../consent/index.js';
import { ValidationError } from '../../shared/errors/index.js';
import type { Match } from './match-model.js';
import { recheckMatch } from './match-safety.js';
import type { StoredRequest } from './request-access.js';
import { ageFrom } from './request-rules.js';

/**
 * May this match become active now? The adult must still be eligible (exact read), and the family's
 * consents in force must cover what the municipality's rules ask for activation. A missing young
 * person's consent is a warning: the worker goes ahead only with a reason, which is kept and audited.
 * Throws a ValidationError naming the first problem; the consent page lists everything missing.
 */
export async function admitActivation(
  actor: Actor,
  request: StoredRequest,
  match: Match & { _id: unknown },
  acknowledgement: string | undefined,
  context: RequestContext,
): Promise<void> {
  const problem = await recheckMatch(match);
  if (problem) throw new ValidationError({ _form: problem });
  const matchId = String(match._id);
  const result = await consentGateFor(
    {
      matchId,
      municipalityCode: match.municipalityCode,
      childAge: ageFrom(request.birthYear, request.birthMonth, new Date()),
    },
    'activation',
  );
  const first = result.missing[0];
  if (first) throw new ValidationError({ _form: `consent.activate.missing.${first.who}` });
  if (result.warnings.length > 0) {
    if (!acknowledgement) throw new ValidationError({ _form: 'consent.activate.acknowledgeYouth' });
    await acknowledgeMissingYouthConsent(
      actor,
      { matchId, requestId: match.requestId, municipalityCode: match.municipalityCode },
      acknowledgement,
      context,
    );
  }
}
