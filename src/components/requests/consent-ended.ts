import { recordAudit } from '../../shared/audit/index.js';
import { cancelPendingMailAbout } from '../../shared/mail/index.js';
import { readMatch } from './consent-lookups.js';
import { notifyConsentEnded } from './match-mail.js';
import { consentEndedAudience, LIVE_STATES } from './match-rules.js';
import { moveMatch } from './match-steps.js';

/**
 * A consent ended (withdrawn by the family or a worker, or expired): at once the match pauses, mail
 * about the match not yet sent is cancelled, and then the people are told (consentEndedAudience says
 * who: the responsible social worker always; the coordinators and the volunteer only of a change they
 * can notice). The notices are queued after the cancellation, so they go out. The child's details
 * vanish from the pages by themselves, as they are read from the ledger on every request.
 */
export async function whenConsentEnded(ended: {
  matchId: string;
  how: string;
  by: string;
  baseUrl: string;
  /** Whom the ended consent named and which fields; unknown on the repair path (it finds only gaps). */
  recipients?: string[];
  fields?: string[];
}) {
  const match = await readMatch(ended.matchId);
  if (!match || !LIVE_STATES.includes(match.state)) return;
  const audit = {
    action: 'match.consent-ended',
    outcome: 'success',
    municipalityCode: match.municipalityCode,
    objectType: 'match',
    objectId: ended.matchId,
    purpose: 'consent',
    details: { how: ended.how },
  } as const;
  // A step even where nothing changes (waiting for consent, paused), so a start racing with this end is
  // ordered against it: see revertStartWithoutConsent. Its states say whether this ending paused it.
  const moved = await moveMatch(
    ended.matchId,
    { userId: ended.by, role: 'system' },
    'consent-ended',
    { reason: 'consent-ended' },
    audit,
  );
  if (moved.outcome !== 'done') await recordAudit(audit);
  await cancelPendingMailAbout(ended.matchId);
  const stateNow = (moved.match ?? (await readMatch(ended.matchId)))?.state;
  const audience = consentEndedAudience({
    paused: moved.states.includes('paused'),
    stateNow,
    recipients: ended.recipients,
    fields: ended.fields,
  });
  await notifyConsentEnded(ended.matchId, ended.how, ended.baseUrl, audience);
}
