import { randomUUID } from 'node:crypto';
import type { ChildField } from '../../src/components/consent/index.js';
import { ConsentVersionModel } from '../../src/components/consent/consent-model.js';
import type { MatchState } from '../../src/components/requests/match-rules.js';
import { createMatch } from './matching.js';
import { csrfFrom, type Agent } from './accounts.js';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The consent form as a browser posts it: a guardian with sole custody agreeing to share and take part. */
function consentFields(
  overrides: Record<string, string | string[] | undefined> = {},
): Record<string, string | string[]> {
  const fields: Record<string, string | string[] | undefined> = {
    consenter: 'guardian',
    initials: 'MH',
    custody: 'sole',
    purposes: ['share-details', 'take-part'],
    recipients: ['organisation', 'adult'],
    fields: ['alias', 'age', 'interests'],
    how: 'signed-form',
    givenAt: day(0),
    validUntil: day(365),
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined),
  );
}

export const consentPage = (requestId: string, matchId: string) =>
  `/sager/${requestId}/match/${matchId}/samtykke`;

/** Records a consent through the social worker's form; returns the response (the receipt on success). */
export async function recordConsentThroughForm(
  agent: Agent,
  requestId: string,
  matchId: string,
  overrides: Record<string, string | string[] | undefined> = {},
) {
  const page = await agent.get(consentPage(requestId, matchId));
  return agent
    .post(consentPage(requestId, matchId))
    .type('form')
    .send({ _csrf: csrfFrom(page.text), ...consentFields(overrides) });
}

/** The family's withdrawal link as the receipt shows it (path only). */
export function familyLinkFrom(receiptHtml: string): string {
  const found = /\/samtykke\/([A-Za-z0-9_-]{43})/.exec(receiptHtml);
  if (!found) throw new Error('no family link on the receipt');
  return `/samtykke/${found[1]}`;
}

/** A consent version written directly (for states the form cannot produce, such as one already expired). */
export async function storeConsent(options: {
  requestId: string;
  matchId: string;
  organisationId: string;
  volunteerId: string;
  recordedBy: string;
  validUntil: Date;
  custody?: 'sole' | 'joint';
  fields?: ChildField[];
  consentId?: string;
}): Promise<string> {
  const consentId = options.consentId ?? `c-${Math.random().toString(16).slice(2)}`;
  await ConsentVersionModel.create({
    consentId,
    version: 1,
    requestId: options.requestId,
    matchId: options.matchId,
    municipalityCode: '0849',
    consenter: 'guardian',
    initials: 'AB',
    custody: options.custody ?? 'sole',
    purposes: ['share-details', 'take-part'],
    recipients: ['organisation', 'adult'],
    organisationId: options.organisationId,
    volunteerId: options.volunteerId,
    fields: options.fields ?? ['alias', 'age', 'interests'],
    how: 'signed-form',
    givenAt: new Date(),
    recordedBy: options.recordedBy,
    recordedAt: new Date(),
    validUntil: options.validUntil,
  });
  return consentId;
}

/**
 * A match of the request in `state` (waiting for consent unless told) with one guardian's consent to
 * everything, valid for a year unless told: a match that may be started, written directly.
 */
export async function createConsentedMatch(options: {
  requestId: string;
  organisationId: string;
  volunteerId: string;
  workerId: string;
  state?: MatchState;
  validUntil?: Date;
}): Promise<{ matchId: string; consentId: string }> {
  const matchId = await createMatch({
    requestId: options.requestId,
    organisationId: options.organisationId,
    volunteerId: options.volunteerId,
    proposedBy: options.workerId,
    state: options.state ?? 'awaiting-consent',
  });
  const consentId = await storeConsent({
    requestId: options.requestId,
    matchId,
    organisationId: options.organisationId,
    volunteerId: options.volunteerId,
    recordedBy: options.workerId,
    validUntil: options.validUntil ?? new Date(Date.now() + 365 * 86_400_000),
    consentId: randomUUID(),
  });
  return { matchId, consentId };
}
