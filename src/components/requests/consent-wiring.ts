import { trusted } from 'mongoose';
import { DELETED_NAME, describePeople, onAccountDeleting, type Actor } from '../accounts/index.js';
import {
  deleteConsentsOfRequests,
  onConsentEnded,
  registerAwaitingConsentCounter,
  registerConsentMatchLookups,
  type ConsentMatch,
} from '../consent/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { cancelPendingMailAbout } from '../../shared/mail/index.js';
import { matchStatesOf } from './case-state-service.js';
import { wordingFor } from './case-state-wording.js';
import { notifyConsentEnded, notifyVolunteerLeft } from './match-mail.js';
import { MatchModel } from './match-model.js';
import { registerCaseRetention } from './case-retention.js';
import { consentEndedAudience, LIVE_STATES } from './match-rules.js';
import { loadForRequest } from './match-service.js';
import { moveMatch } from './match-steps.js';
import { mayChange } from './request-access.js';
import { syncRequestStatus } from './request-status.js';
import { RequestModel } from './request-model.js';
import { ageFrom } from './request-rules.js';
import { afterAcceptanceOf } from './after-acceptance.js';
import { workerCasesFor } from './worker-cases-read.js';

type MatchDoc = NonNullable<Awaited<ReturnType<typeof readMatch>>>;
type RequestDoc = { responsibleId: string; birthYear: number; birthMonth: number };

function readMatch(matchId: string) {
  return /^[0-9a-f]{24}$/.test(matchId) ? MatchModel.findById(matchId).lean() : Promise.resolve(null);
}

async function describe(match: MatchDoc, request: RequestDoc): Promise<ConsentMatch> {
  const matchId = String(match._id);
  const [people, organisations, states, accepted] = await Promise.all([
    describePeople([match.volunteerId, request.responsibleId]),
    describeOrganisations([match.organisationId]),
    matchStatesOf([match]),
    afterAcceptanceOf([{ ...match, id: matchId }], new Date(), { fromProposal: true }),
  ]);
  const state = states.get(matchId);
  const known = accepted.get(matchId);
  const name = (id: string) => {
    const found = people.get(id)?.name;
    return found && found !== DELETED_NAME ? found : '–';
  };
  return {
    matchId: String(match._id),
    requestId: match.requestId,
    municipalityCode: match.municipalityCode,
    organisationId: match.organisationId,
    organisationName: organisations.get(match.organisationId)?.name ?? '–',
    volunteerId: match.volunteerId,
    volunteerName: name(match.volunteerId),
    responsibleId: request.responsibleId,
    responsibleName: name(request.responsibleId),
    childAlias: match.childAlias,
    childAge: ageFrom(request.birthYear, request.birthMonth, new Date()),
    state: match.state,
    ...(state
      ? { status: { socialWorker: wordingFor(state, 'socialWorker'), family: wordingFor(state, 'family') } }
      : {}),
    receipt: {
      activity: known?.offerTitle ?? match.askText,
      schedule: known?.schedule ?? [],
      place: known?.place,
      responsiblePhone: known?.socialWorker?.phone,
    },
  };
}

async function teamLookup(actor: Actor, requestId: string, matchId: string) {
  const { request, match } = await loadForRequest(actor, requestId, matchId);
  return { match: await describe(match, request), mayChange: await mayChange(actor, request, 'edit') };
}

async function byIdLookup(matchId: string): Promise<ConsentMatch | undefined> {
  const match = await readMatch(matchId);
  if (!match) return undefined;
  const request = await RequestModel.findById(match.requestId, {
    responsibleId: 1,
    birthYear: 1,
    birthMonth: 1,
  }).lean();
  return request ? describe(match, request) : undefined;
}

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

/**
 * A volunteer deletes their account: each of their live proposals and matches ends ("the volunteer
 * left"), mail about the child not yet sent is cancelled, and the responsible social worker is told.
 * Safe to repeat: an ended match is skipped.
 */
function whenVolunteerLeaves(baseUrl: string) {
  return async (userId: string) => {
    const live = await MatchModel.find({ volunteerId: userId, state: trusted({ $in: LIVE_STATES }) })
      .limit(1000)
      .lean();
    for (const match of live) {
      const matchId = String(match._id);
      // The step cancels the match's unsent mail (settleStep), before the notice below is queued.
      const moved = await moveMatch(matchId, { userId, role: 'system' }, 'volunteer-left', {
        closeReason: 'volunteer-left',
      });
      await syncRequestStatus(match.requestId);
      if (moved.outcome === 'done') await notifyVolunteerLeft(matchId, baseUrl);
    }
  };
}

/** The social worker's count for the home page: matches of their own requests awaiting consent. */
async function awaitingConsent(actor: { userId: string; role: string; municipalityCode?: string }) {
  if (actor.role !== 'social-worker' || !actor.municipalityCode) return { count: 0, href: '/sager' };
  // The same object the home passes to matching's lines: both share one read of the worker's cases.
  const { matches, states } = await workerCasesFor(actor as { userId: string; municipalityCode: string });
  // A match whose consent is complete is ready to start, not waiting (the case-state rule decides).
  const stored = matches.filter((match) => match.state === 'awaiting-consent');
  const waiting = stored.filter((match) => states.get(String(match._id))?.state === 'waiting-for-consent');
  const first = waiting[0];
  return {
    count: waiting.length,
    href: first ? `/sager/${first.requestId}/match/${String(first._id)}/samtykke` : '/sager',
  };
}

let wired = false;

/** Fills consent's seams and listens to consent and account events (consent sits below matching). */
export function wireConsent(baseUrl: string): void {
  // The component list is built more than once per process (app, scheduler, scripts); wire once.
  if (wired) return;
  wired = true;
  registerConsentMatchLookups(teamLookup, byIdLookup);
  registerAwaitingConsentCounter(awaitingConsent);
  onConsentEnded(whenConsentEnded);
  onAccountDeleting(whenVolunteerLeaves(baseUrl));
  // Retention of a child's case takes the family's consents with it.
  registerCaseRetention(deleteConsentsOfRequests);
}
