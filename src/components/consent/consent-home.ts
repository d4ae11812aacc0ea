import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { seam, wired } from '../../shared/wiring/index.js';
import { recentConsentsOf, RECENT_WITHDRAWAL_DAYS } from './consent-home-read-model.js';
import type { StoredVersion } from './consent-ledger.js';
import { REMIND_DAYS_BEFORE } from './consent-rules.js';

/** How many matches of the worker's own requests await the family's consent (matching counts them). */
export type AwaitingConsentCounter = (actor: HomeActor) => Promise<{ count: number; href: string }>;
export const awaitingConsentSeam = seam<AwaitingConsentCounter>('consent.awaiting-count');

const DAY = 86_400_000;

/**
 * The social worker's home: matches awaiting consent, consents of their municipality running out within
 * 30 days, and recent withdrawals (by the family's link or recorded by a colleague).
 */
export async function consentHomeItems(actor: HomeActor): Promise<HomeItem[]> {
  if (actor.role !== 'social-worker' || !actor.municipalityCode) return [];
  const now = Date.now();
  const awaitingCounter = wired(awaitingConsentSeam);
  const [latest, awaiting] = await Promise.all([
    recentConsentsOf(actor.municipalityCode),
    awaitingCounter ? awaitingCounter(actor) : undefined,
  ]);
  const expiring = latest.filter(
    (version) =>
      !version.withdrawal &&
      version.validUntil.getTime() > now &&
      version.validUntil.getTime() - now <= REMIND_DAYS_BEFORE * DAY,
  );
  const withdrawn = latest.filter(
    (version) => version.withdrawal && now - version.withdrawal.at.getTime() <= RECENT_WITHDRAWAL_DAYS * DAY,
  );
  const items: HomeItem[] = [];
  if (awaiting && awaiting.count > 0) items.push({ labelKey: 'consent.home.awaiting', ...awaiting });
  const first = (list: StoredVersion[]) =>
    list[0] ? `/sager/${list[0].requestId}/match/${list[0].matchId}/samtykke` : '/sager';
  if (withdrawn.length > 0)
    items.push({
      labelKey: 'consent.home.withdrawn',
      count: withdrawn.length,
      href: first(withdrawn),
      // The match is already paused; the social worker decides what now.
      urgency: 'overdue',
    });
  if (expiring.length > 0)
    items.push({
      labelKey: 'consent.home.expiring',
      count: expiring.length,
      href: first(expiring),
      urgency: 'due',
    });
  return items;
}
