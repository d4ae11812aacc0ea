import type { Request } from 'express';
import { windowRows, windowValues } from '../../shared/window-fields/index.js';
import { OFFER_CATEGORIES, type TimeWindow } from './offer-rules.js';

export interface OfferFormSubject {
  /** Undefined for a new offer. */
  offerId?: string;
  adults: Array<{ userId: string; name: string }>;
}

/** The ids ticked in the adults checkboxes: one is a string, several an array (as the browser sends them). */
export function chosenAdults(req: Request): Set<string> {
  const raw: unknown = req.body?.adultIds;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return new Set(list.filter((id): id is string => typeof id === 'string'));
}

/**
 * The offer form's view model: selects, schedule rows and checkboxes worked out here, as the template only
 * shows (what was typed comes back through `values`, the ticked adults through `chosen`).
 */
export function offerFormModel(
  subject: OfferFormSubject,
  values: Record<string, string>,
  chosen: ReadonlySet<string>,
) {
  const editing = subject.offerId !== undefined;
  return {
    titleKey: editing ? 'offers.form.editTitle' : 'offers.form.newTitle',
    action: editing ? `/forening/tilbud/${subject.offerId}` : '/forening/tilbud/ny',
    editing,
    categories: OFFER_CATEGORIES.map((category) => ({ category, selected: values.category === category })),
    rows: windowRows(values),
    adults: subject.adults.map((adult) => ({ ...adult, checked: chosen.has(adult.userId) })),
  };
}

interface StoredOffer {
  title: string;
  category: string;
  tags: string[];
  description: string;
  ageMin: number;
  ageMax: number;
  schedule: TimeWindow[];
  postcode: string;
  address?: string | null;
  places: number;
  languages: string[];
  accessibility?: string | null;
  endsOn?: Date | null;
}

/** A saved offer as the strings its form would have sent. */
export function valuesFromOffer(offer: StoredOffer): Record<string, string> {
  const values: Record<string, string> = {
    title: offer.title,
    category: offer.category,
    tags: offer.tags.join(', '),
    description: offer.description,
    ageMin: String(offer.ageMin),
    ageMax: String(offer.ageMax),
    postcode: offer.postcode,
    address: offer.address ?? '',
    places: String(offer.places),
    languages: offer.languages.join(', '),
    accessibility: offer.accessibility ?? '',
    endsOn: offer.endsOn ? offer.endsOn.toISOString().slice(0, 10) : '',
    ...windowValues(offer.schedule),
  };
  return values;
}
