import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { marketplaceRoutes } from './marketplace-routes.js';
import { OfferModel } from './offer-model.js';
import { offerRoutes } from './offer-routes.js';
import { offersHomeItems } from './offers-home.js';
import { placesInUseSeam } from './places-in-use.js';

export { offerDocument, upsertOffer, type OfferSeed } from './offer-seeding.js';
export { placesInUseSeam } from './places-in-use.js';
export { OFFER_CATEGORIES } from './offer-rules.js';
// What candidate search reads (it keeps them in its own read model, refreshed on "offers").
export { runningOffersOf, runningOffer, offerTitles, type MatchingOffer } from './offer-matching-read.js';
// Where and when an accepted match meets (the proposals page and the family's receipt).
export { offerMeetings } from './offer-meeting-read.js';
export { OFFERS_TOPIC } from './marketplace-read-model.js';
export { placesInUse } from './places-in-use.js';
// The coordinator's own offers with places free now (the organisation's report reads them).
export { listOwnOffers } from './offer-service.js';
export { offerCountOf } from './offer-counts-read.js';
export { distanceKm, type Point } from './offer-rules.js';
// The municipality's supply report: running offers placed in it, with their free places.
export { runningOffersIn } from './offer-report-read.js';

/** Concrete offers (capacity) of organisations, and the public marketplace where anyone can browse them. */
export function offersComponent(config: AppConfig): Component {
  return {
    name: 'offers',
    needs: [placesInUseSeam],
    homeItems: (actor) => offersHomeItems(actor),
    router: Router().use(offerRoutes(accountsSettings(config)), marketplaceRoutes()),
    // Listed so that start-up creates (and verifies) the offer indexes the marketplace depends on.
    models: [OfferModel] as never[],
  };
}
