import { OfferModel } from './offer-model.js';

/** How many offers an organisation has, in any status: a count, not the list. */
export function offerCountOf(organisationId: string): Promise<number> {
  return OfferModel.countDocuments({ organisationId });
}
