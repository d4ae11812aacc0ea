import { createHash } from 'node:crypto';
import { matchFacts } from '../requests/index.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';
import { CaseTallyModel } from './retention-model.js';

const DAY = 86_400_000;

/**
 * Registered with matching's case retention: before ended matches are deleted, each leaves one anonymous
 * row for reports (see CaseTallyModel). It deletes nothing itself, so it reports 0 deleted records.
 */
export async function tallyEndedMatches(_requestIds: string[], matchIds: string[]): Promise<number> {
  for (const matchId of matchIds) {
    const facts = await matchFacts(matchId);
    if (!facts || (facts.state !== 'closed' && facts.state !== 'declined')) continue;
    const ended = [...facts.history].reverse().find((event) => event.state === facts.state)?.at ?? new Date();
    const activeAt = facts.history.find((event) => event.state === 'active')?.at;
    try {
      await CaseTallyModel.create({
        _id: createHash('sha256').update(matchId).digest('hex'),
        municipalityCode: facts.municipalityCode,
        endedYear: ended.getUTCFullYear(),
        outcome: facts.state,
        activeDays: activeAt ? Math.max(0, Math.round((ended.getTime() - activeAt.getTime()) / DAY)) : 0,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return 0;
}
