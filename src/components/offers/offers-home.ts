import { can, type Actor } from '../accounts/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { listOwnOffers } from './offer-service.js';

/** A coordinator's free places: over the organisation's offers that are active and still running. */
export async function offersHomeItems(homeActor: HomeActor, now = new Date()): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (!actor.organisationId || !can(actor, 'offers:manage', { organisationId: actor.organisationId }))
    return [];
  const offers = await listOwnOffers(actor, now);
  const count = offers
    .filter((offer) => offer.status === 'active' && offer.running)
    .reduce((sum, offer) => sum + offer.free, 0);
  return [{ labelKey: 'home.offers.freePlaces', count, href: '/forening/tilbud' }];
}
