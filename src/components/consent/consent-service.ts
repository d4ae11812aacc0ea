import type { Actor, RequestContext } from '../accounts/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { createOneTimeToken } from '../../shared/crypto/index.js';
import { ForbiddenError, ValidationError } from '../../shared/errors/index.js';
import {
  appendFirst,
  appendWithdrawal,
  currentByMatch,
  latestOf,
  stateOf,
  versionsOf,
} from './consent-ledger.js';
import { ConsentAcknowledgementModel, ConsentLinkModel } from './consent-model.js';
import { rulesOf } from './consent-policy-service.js';
import { announceConsentEnded, teamMatch, type ConsentMatch } from './consent-ports.js';
import {
  CONSENT_HOW,
  gate,
  visibleFields,
  type ChildField,
  type Consenter,
  type Custody,
  type GateResult,
  type Purpose,
  type Recipient,
} from './consent-rules.js';

export interface ConsentInput {
  consenter: Consenter;
  initials: string;
  custody?: Custody;
  purposes: Purpose[];
  recipients: Recipient[];
  fields: ChildField[];
  how: (typeof CONSENT_HOW)[number];
  givenAt: Date;
  validUntil: Date;
}

const ENDED_STATES = ['declined', 'closed'];

export async function auditConsent(
  actor: { userId: string; role: string } | 'family',
  action: string,
  match: Pick<ConsentMatch, 'municipalityCode' | 'matchId'>,
  consentId: string | undefined,
  context: Pick<RequestContext, 'origin'>,
  details?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(
    {
      action,
      outcome: 'success',
      actorId: actor === 'family' ? undefined : actor.userId,
      actorRole: actor === 'family' ? 'family' : actor.role,
      municipalityCode: match.municipalityCode,
      objectType: 'consent',
      objectId: consentId ?? match.matchId,
      purpose: 'consent',
      details: { matchId: match.matchId, ...details },
    },
    context.origin,
  );
}

/**
 * The responsible social worker records one person's consent for a match. The recipients are the match's
 * organisation and adult, fixed on the server. Returns the consent's id and the family's withdrawal link
 * token, which is shown once on the receipt and stored only as a hash.
 */
export async function recordConsent(
  actor: Actor,
  requestId: string,
  matchId: string,
  input: ConsentInput,
  context: RequestContext,
): Promise<{ consentId: string; token: string; match: ConsentMatch }> {
  const { match, mayChange } = await teamMatch(actor, requestId, matchId);
  if (!mayChange) throw new ForbiddenError('Only the responsible worker');
  if (ENDED_STATES.includes(match.state)) throw new ValidationError({ _form: 'consent.record.matchEnded' });
  const rules = await rulesOf(match.municipalityCode);
  if (input.purposes.some((purpose) => !rules.purposes.includes(purpose)))
    throw new ValidationError({ purposes: 'forms.errors.invalid' });
  const now = new Date();
  if (input.validUntil.getTime() <= now.getTime())
    throw new ValidationError({ validUntil: 'consent.record.validUntilPast' });
  const consentId = await appendFirst({
    requestId: match.requestId,
    matchId: match.matchId,
    municipalityCode: match.municipalityCode,
    consenter: input.consenter,
    initials: input.initials,
    custody: input.consenter === 'guardian' ? input.custody : undefined,
    purposes: input.purposes,
    recipients: input.recipients,
    organisationId: match.organisationId,
    volunteerId: match.volunteerId,
    fields: input.fields,
    how: input.how,
    givenAt: input.givenAt,
    recordedBy: actor.userId,
    recordedAt: now,
    validUntil: input.validUntil,
  });
  const { token, tokenHash } = createOneTimeToken();
  await ConsentLinkModel.create({ _id: tokenHash, consentId, matchId: match.matchId, createdAt: now });
  await auditConsent(actor, 'consent.record', match, consentId, context, {
    consenter: input.consenter,
    purposes: input.purposes,
  });
  return { consentId, token, match };
}

/** Ends a consent (a new version) and lets the match react; false when it had already ended. */
export async function endConsent(
  match: Pick<ConsentMatch, 'matchId' | 'requestId' | 'municipalityCode'>,
  consentId: string,
  withdrawal: { by: string; how: string; reason?: string },
  baseUrl: string,
): Promise<boolean> {
  const appended = await appendWithdrawal(consentId, { ...withdrawal, at: new Date() });
  if (!appended || appended.matchId !== match.matchId) return false;
  await announceConsentEnded({
    consentId,
    matchId: match.matchId,
    requestId: match.requestId,
    how: withdrawal.how,
    by: withdrawal.by,
    baseUrl,
    recipients: appended.recipients,
    fields: appended.fields,
  });
  return true;
}

/**
 * A social worker of the request's team records a withdrawal the family made by phone, letter or in
 * person. Any member of the team may: withdrawing must be as easy as giving.
 */
export async function withdrawAsWorker(
  actor: Actor,
  requestId: string,
  matchId: string,
  consentId: string,
  input: { how: string; reason?: string },
  context: RequestContext,
): Promise<'done' | 'already'> {
  const { match } = await teamMatch(actor, requestId, matchId);
  const ended = await endConsent(match, consentId, { by: actor.userId, ...input }, context.baseUrl);
  if (!ended) return 'already';
  await auditConsent(actor, 'consent.withdraw', match, consentId, context, { how: input.how });
  return 'done';
}

/** The match's ledger (every version, oldest first) for the request's team; reading it is audited. */
export async function ledgerFor(actor: Actor, requestId: string, matchId: string, context: RequestContext) {
  const { match, mayChange } = await teamMatch(actor, requestId, matchId);
  const versions = await versionsOf([match.matchId]);
  await auditConsent(actor, 'consent.read', match, undefined, context, { versions: versions.length });
  return { match, mayChange, versions, current: latestOf(versions) };
}

interface GateSubject {
  matchId: string;
  municipalityCode: string;
  childAge: number;
}

/** Whether the match passes the consent gate for a stage, read now from the ledger and the rules. */
export async function consentGateFor(
  subject: GateSubject,
  stage: 'proposal' | 'activation',
  now = new Date(),
): Promise<GateResult> {
  const [consents, rules] = await Promise.all([
    currentByMatch([subject.matchId]),
    rulesOf(subject.municipalityCode),
  ]);
  return gate(consents.get(subject.matchId) ?? [], rules, stage, subject.childAge, now);
}

/**
 * Of these matches, the ones whose consents in force no longer pass the activation gate (read now from
 * the ledger), each with how its consent ended: the latest withdrawal's way, or "expired". What a repair
 * looks at after a stop or a crash cut a withdrawal off before its match was paused.
 */
export async function consentGapsOf(
  subjects: GateSubject[],
  now = new Date(),
): Promise<Map<string, { how: string }>> {
  const versions = await versionsOf(subjects.map((subject) => subject.matchId));
  const latest = latestOf(versions);
  const rulesByCode = new Map<string, Awaited<ReturnType<typeof rulesOf>>>();
  for (const code of new Set(subjects.map((subject) => subject.municipalityCode)))
    rulesByCode.set(code, await rulesOf(code));
  const gaps = new Map<string, { how: string }>();
  for (const subject of subjects) {
    const own = latest.filter((version) => version.matchId === subject.matchId);
    const rules = rulesByCode.get(subject.municipalityCode)!;
    if (gate(own.map(stateOf), rules, 'activation', subject.childAge, now).missing.length === 0) continue;
    const withdrawn = own
      .filter((version) => version.withdrawal)
      .sort((a, b) => b.withdrawal!.at.getTime() - a.withdrawal!.at.getTime())[0];
    gaps.set(subject.matchId, { how: withdrawn?.withdrawal?.how ?? 'expired' });
  }
  return gaps;
}

/** The child's fields each match's recipient may see now (empty: nothing beyond an age band). */
export async function visibleFieldsFor(
  subjects: GateSubject[],
  recipient: Recipient,
  now = new Date(),
): Promise<Map<string, ChildField[]>> {
  const consents = await currentByMatch(subjects.map((subject) => subject.matchId));
  const rulesByCode = new Map<string, Awaited<ReturnType<typeof rulesOf>>>();
  for (const code of new Set(subjects.map((subject) => subject.municipalityCode)))
    rulesByCode.set(code, await rulesOf(code));
  return new Map(
    subjects.map((subject) => [
      subject.matchId,
      visibleFields(
        consents.get(subject.matchId) ?? [],
        rulesByCode.get(subject.municipalityCode)!,
        recipient,
        subject.childAge,
        now,
      ),
    ]),
  );
}

/** The social worker goes ahead without the young person's own consent: the reason is kept and audited. */
export async function acknowledgeMissingYouthConsent(
  actor: Actor,
  subject: { matchId: string; requestId: string; municipalityCode: string },
  reason: string,
  context: RequestContext,
): Promise<void> {
  await ConsentAcknowledgementModel.create({
    matchId: subject.matchId,
    requestId: subject.requestId,
    by: actor.userId,
    at: new Date(),
    reason,
  });
  await auditConsent(actor, 'consent.youth-warning-acknowledged', subject, undefined, context);
}

export { stateOf };
