import type { RequestContext } from '../accounts/index.js';
import { hashToken } from '../../shared/crypto/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { ConsentLinkModel, ConsentVersionModel } from './consent-model.js';
import { matchById } from './consent-ports.js';
import { isInForce } from './consent-rules.js';
import { auditConsent, endConsent, stateOf } from './consent-service.js';
import type { StoredVersion } from './consent-ledger.js';

/** A token as the link carries it: 43 base64url characters (32 random bytes). */
function isLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** A link that is not (or no longer) one of ours: answered like an ended consent, revealing nothing. */
export class UnknownLinkError extends Error {}

async function consentOfLink(token: string) {
  if (!isLinkToken(token)) throw new NotFoundError();
  const link = await ConsentLinkModel.findById(hashToken(token)).lean();
  if (!link) throw new UnknownLinkError();
  const latest = await ConsentVersionModel.findOne({ consentId: link.consentId })
    .sort({ version: -1 })
    .lean<StoredVersion>();
  const match = latest ? await matchById(latest.matchId) : undefined;
  if (!latest || !match) throw new UnknownLinkError();
  return { latest, match };
}

/**
 * What the family's link shows: only what the family agreed to and already knows (the organisation,
 * the adult, the purposes, the fields, until when, whom to call). `ended` once withdrawn or expired:
 * the link then works no more. Every opening is audited.
 */
export async function familyView(token: string, context: RequestContext) {
  const { latest, match } = await consentOfLink(token);
  const inForce = isInForce(stateOf(latest), new Date());
  await auditConsent('family', 'consent.link.open', match, latest.consentId, context);
  return {
    ended: !inForce,
    consent: {
      consenter: latest.consenter,
      initials: latest.initials,
      purposes: latest.purposes,
      recipients: latest.recipients,
      fields: latest.fields,
      givenAt: latest.givenAt,
      validUntil: latest.validUntil,
    },
    organisationName: match.organisationName,
    adultName: match.volunteerName,
    responsibleName: match.responsibleName,
    status: match.status?.family,
  };
}

/** The family withdraws through their link, with one confirmation; 'ended' when it already had. */
export async function withdrawByFamily(token: string, context: RequestContext): Promise<'done' | 'ended'> {
  const { latest, match } = await consentOfLink(token);
  if (!isInForce(stateOf(latest), new Date())) return 'ended';
  const ended = await endConsent(match, latest.consentId, { by: 'family', how: 'link' }, context.baseUrl);
  if (!ended) return 'ended';
  await auditConsent('family', 'consent.withdraw', match, latest.consentId, context, { how: 'link' });
  return 'done';
}
