import { trusted } from 'mongoose';
import { createReadModel } from '../../shared/db/index.js';
import { CONSENT_TOPIC, latestOf, type StoredVersion } from './consent-ledger.js';
import { ConsentVersionModel } from './consent-model.js';

const DAY = 86_400_000;
/** Withdrawals stay on the home page this long: the worker acts on them (the match is already paused). */
export const RECENT_WITHDRAWAL_DAYS = 14;
// Far more than a municipality's consents of the last weeks ever are: a bound, not a page.
const MAX_READ = 5_000;

/** The latest version of each consent of the municipality still in force, or ended in the last weeks. */
async function loadRecentConsents(municipalityCode: string): Promise<StoredVersion[]> {
  const versions = await ConsentVersionModel.find(
    {
      municipalityCode,
      validUntil: trusted({ $gte: new Date(Date.now() - RECENT_WITHDRAWAL_DAYS * DAY) }),
    },
    { consentId: 1, version: 1, matchId: 1, requestId: 1, validUntil: 1, withdrawal: 1 },
  )
    .limit(MAX_READ)
    .lean<StoredVersion[]>();
  return latestOf(versions);
}

/**
 * The home is opened all day by every social worker of the municipality, and on the embedded database
 * this read decodes every consent version: one load per municipality serves them all, at most
 * READ_BOUNDS.consentHome old; after a write on this instance the next reader waits for a load that sees it.
 */
const readModel = createReadModel<StoredVersion[]>({
  bound: 'consentHome',
  load: loadRecentConsents,
  // Every municipality, with room.
  capacity: 100,
  topics: [CONSENT_TOPIC],
  afterWrite: 'wait',
  keyOfScope: (municipalityCode) => municipalityCode,
});

export async function recentConsentsOf(municipalityCode: string): Promise<StoredVersion[]> {
  return (await readModel.get(municipalityCode)).value;
}
