import type { Actor, RequestContext } from '../accounts/index.js';
import { acknowledgeMissingYouthConsent, consentGateFor } from '../consent/index.js';
import { ValidationError } from '../../shared/errors/index.js';
import type { Match } from './match-model.js';
import { recheckMatch } from './match-safety.js';
import { moveMatch } from './match-steps.js';
import { caseAuditEntry, type StoredRequest } from './request-access.js';
import { ageFrom } from './request-rules.js';

/** The first thing missing from the family's consent for activation, read from the ledger now. */
async function missingForActivation(request: StoredRequest, matchId: string, municipalityCode: string) {
  const result = await consentGateFor(
    { matchId, municipalityCode, childAge: ageFrom(request.birthYear, request.birthMonth, new Date()) },
    'activation',
  );
  return { first: result.missing[0], warnings: result.warnings };
}

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
  const { first, warnings } = await missingForActivation(request, matchId, match.municipalityCode);
  if (first) throw new ValidationError({ _form: `consent.activate.missing.${first.who}` });
  if (warnings.length > 0) {
    if (!acknowledgement) throw new ValidationError({ _form: 'consent.activate.acknowledgeYouth' });
    await acknowledgeMissingYouthConsent(
      actor,
      { matchId, requestId: match.requestId, municipalityCode: match.municipalityCode },
      acknowledgement,
      context,
    );
  }
}

/**
 * After a start (activate or resume) holds its step, the ledger is read again: a consent that ended
 * between the first read and the step has claimed a step of its own, before or after this one. Before:
 * the start is given back here, as a recorded step of its own, and the person is told what is missing.
 * After: that step has already paused the match. Either way the match is never left active without
 * complete consent.
 */
export async function revertStartWithoutConsent(
  actor: Actor,
  request: StoredRequest,
  matchId: string,
  start: 'activate' | 'resume',
  context: RequestContext,
): Promise<void> {
  const { first } = await missingForActivation(request, matchId, request.municipalityCode);
  if (!first) return;
  const audit = caseAuditEntry(
    actor,
    { action: 'match.start-reverted', objectType: 'match', objectId: matchId },
    { start, missing: first.who },
  );
  await moveMatch(
    matchId,
    { userId: actor.userId, role: 'system' },
    'start-reverted',
    { reason: 'consent-incomplete', revertTo: start === 'activate' ? 'awaiting-consent' : 'paused' },
    { ...audit, ...context.origin },
  );
  throw new ValidationError({ _form: `consent.activate.missing.${first.who}` });
}
