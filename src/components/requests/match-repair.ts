import { trusted } from 'mongoose';
import { consentGapsOf } from '../consent/index.js';
import type { JobDefinition } from '../../shared/jobs/index.js';
import { settleStrandedSteps } from './match-settle.js';
import { MatchModel } from './match-model.js';
import { RequestModel } from './request-model.js';
import { ageFrom } from './request-rules.js';

/** How many active matches one run of the consent check reads, a page at a time. */
const ACTIVE_CHECK_BUDGET = 5000;
const PAGE = 200;

type ConsentEndedHandler = (ended: {
  matchId: string;
  how: string;
  by: string;
  baseUrl: string;
}) => Promise<void>;

/**
 * Active matches whose family's consent no longer passes the gate (a withdrawal or expiry whose request
 * was cut off before the match was paused) are paused now, the same way a withdrawal pauses them. Reads
 * at most ACTIVE_CHECK_BUDGET matches a run, a page at a time. Returns how many were paused.
 */
async function pauseActiveWithoutConsent(
  now: Date,
  baseUrl: string,
  whenConsentEnded: ConsentEndedHandler,
): Promise<number> {
  let paused = 0;
  let after = '';
  for (let read = 0; read < ACTIVE_CHECK_BUDGET; read += PAGE) {
    const page = await MatchModel.find(
      after ? { state: 'active', _id: trusted({ $gt: after }) } : { state: 'active' },
      { requestId: 1, municipalityCode: 1 },
    )
      .sort({ _id: 1 })
      .limit(PAGE)
      .lean();
    if (page.length === 0) break;
    after = String(page.at(-1)!._id);
    const requests = await RequestModel.find(
      { _id: trusted({ $in: page.map((match) => match.requestId) }) },
      { birthYear: 1, birthMonth: 1 },
    ).lean();
    const births = new Map(requests.map((request) => [String(request._id), request]));
    const subjects = page.flatMap((match) => {
      const birth = births.get(match.requestId);
      if (!birth) return [];
      const childAge = ageFrom(birth.birthYear, birth.birthMonth, now);
      return [{ matchId: String(match._id), municipalityCode: match.municipalityCode, childAge }];
    });
    for (const [matchId, gap] of await consentGapsOf(subjects, now)) {
      await whenConsentEnded({ matchId, how: gap.how, by: 'system', baseUrl });
      paused += 1;
    }
    if (page.length < PAGE) break;
  }
  return paused;
}

/**
 * The repair path after a stop or a crash, every two minutes: steps whose request was cut off are
 * completed (their audit entry, follow-up planning and request status), then active matches without
 * complete consent are paused. Both are safe to run on several instances at once.
 */
export function matchRepairJobs(baseUrl: string, whenConsentEnded: ConsentEndedHandler): JobDefinition[] {
  return [
    {
      name: 'matching:repair',
      schedule: '*/2 * * * *',
      run: async (context) => {
        const now = context?.now ?? new Date();
        const settled = await settleStrandedSteps(now);
        const paused = await pauseActiveWithoutConsent(now, baseUrl, whenConsentEnded);
        return settled + paused;
      },
    },
  ];
}
