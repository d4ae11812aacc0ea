import { upsertThroughModel } from '../../shared/db/index.js';
import { findPostcode } from '../geography/index.js';
import { announceOfferWrite } from './marketplace-read-model.js';
import { OfferModel } from './offer-model.js';
import { weekdaysOf, type OfferCategory, type TimeWindow } from './offer-rules.js';

/** An offer as demo content, tests and the bench describe it: no form, no actor. */
export interface OfferSeed {
  title: string;
  category: OfferCategory;
  tags?: string[];
  description: string;
  ageMin: number;
  ageMax: number;
  schedule: TimeWindow[];
  postcode: string;
  address?: string;
  places: number;
  languages?: string[];
  accessibility?: string;
  adultIds?: string[];
  status?: 'active' | 'paused';
  endsOn?: Date;
}

/** The stored document for a seed: municipality, centroid and weekdays derived as the service does. */
export function offerDocument(organisationId: string, seed: OfferSeed) {
  const place = findPostcode(seed.postcode);
  if (!place) throw new Error(`Unknown postcode ${seed.postcode}`);
  return {
    tags: [],
    languages: [],
    adultIds: [],
    status: 'active' as const,
    ...seed,
    organisationId,
    weekdays: weekdaysOf(seed.schedule),
    municipalityCode: place.municipalityCode,
    lat: place.lat,
    lon: place.lon,
  };
}

/**
 * Demo and test data: creates or replaces the organisation's offer with this title; returns its id. Built
 * and validated by the model, so it holds every default an offer made through the form has.
 */
export async function upsertOffer(organisationId: string, seed: OfferSeed): Promise<string> {
  const document = offerDocument(organisationId, seed);
  const id = await upsertThroughModel(OfferModel, { organisationId, title: seed.title }, document);
  await announceOfferWrite(document.municipalityCode);
  return id;
}
