import { Types } from 'mongoose';
import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { findPostcode } from '../geography/index.js';
import { listMemberships } from '../organisations/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors/index.js';
import { OfferModel, type OfferStatus } from './offer-model.js';
import { freePlaces, isRunning, weekdaysOf } from './offer-rules.js';
import type { OfferInput } from './offer-schemas.js';
import { announceOfferWrite } from './marketplace-read-model.js';
import { placesInUse } from './places-in-use.js';

/**
 * The organisation a coordinator acts for, from their active role (never from a form), checked against
 * the policy again here so that no route can forget it. Anyone else gets a 404.
 */
function ownOrganisation(actor: Actor): string {
  const organisationId = actor.organisationId;
  if (!organisationId || !can(actor, 'offers:manage', { organisationId })) throw new NotFoundError();
  return organisationId;
}

/** One of the actor's own organisation's offers; an id of another organisation (or nonsense) is a 404. */
export async function findOwnOffer(actor: Actor, offerId: string) {
  const organisationId = ownOrganisation(actor);
  if (!Types.ObjectId.isValid(offerId) || !/^[0-9a-f]{24}$/.test(offerId)) throw new NotFoundError();
  const offer = await OfferModel.findOne({ _id: offerId, organisationId }).lean();
  if (!offer) throw new NotFoundError();
  return offer;
}

/** The own organisation's offers, newest first, with places still free (derived from active matches). */
export async function listOwnOffers(actor: Actor, now = new Date()) {
  const organisationId = ownOrganisation(actor);
  const offers = await OfferModel.find({ organisationId }).sort({ createdAt: -1 }).limit(500).lean();
  const inUse = await placesInUse(offers.map((offer) => String(offer._id)));
  return offers.map((offer) => ({
    id: String(offer._id),
    title: offer.title,
    category: offer.category,
    status: offer.status as OfferStatus,
    running: isRunning(offer, now),
    endsOn: offer.endsOn ?? undefined,
    places: offer.places,
    free: freePlaces(offer.places, inUse.get(String(offer._id)) ?? 0),
  }));
}

/** The members who can be a child's adult on an offer: the organisation's active members. */
export async function adultChoices(actor: Actor) {
  const members = await listMemberships(ownOrganisation(actor), ['active']);
  return members.map((member) => ({ userId: member.userId, name: member.name }));
}

async function documentFor(organisationId: string, input: OfferInput) {
  const members = new Set((await listMemberships(organisationId, ['active'])).map((m) => m.userId));
  const adultIds = [...new Set(input.adultIds)];
  if (adultIds.length === 0) throw new ValidationError({ adultIds: 'offers.form.adultsRequired' });
  if (!adultIds.every((id) => members.has(id)))
    throw new ValidationError({ adultIds: 'offers.form.adultsInvalid' });
  // The schema already refused unknown postcodes; the municipality and centroid come from it, not the form.
  const place = findPostcode(input.postcode);
  if (!place) throw new ValidationError({ postcode: 'organisations.register.postcodeUnknown' });
  return {
    ...input,
    adultIds,
    weekdays: weekdaysOf(input.schedule),
    municipalityCode: place.municipalityCode,
    lat: place.lat,
    lon: place.lon,
  };
}

async function audit(actor: Actor, action: string, offerId: string, context: RequestContext) {
  await recordAudit(
    {
      action,
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      objectType: 'offer',
      objectId: offerId,
      details: { organisationId: actor.organisationId },
    },
    context.origin,
  );
}

export async function createOffer(actor: Actor, input: OfferInput, context: RequestContext): Promise<string> {
  const organisationId = ownOrganisation(actor);
  const document = await documentFor(organisationId, input);
  const created = await OfferModel.create({
    ...document,
    organisationId,
    status: 'active',
    createdBy: actor.userId,
  });
  const offerId = String(created._id);
  await announceOfferWrite(document.municipalityCode);
  await audit(actor, 'offer.created', offerId, context);
  return offerId;
}

export async function updateOffer(
  actor: Actor,
  offerId: string,
  input: OfferInput,
  context: RequestContext,
): Promise<void> {
  const offer = await findOwnOffer(actor, offerId);
  const document = await documentFor(offer.organisationId, input);
  // Optional fields left empty are removed rather than kept from before.
  const unset = Object.fromEntries(
    (['address', 'accessibility', 'endsOn'] as const)
      .filter((field) => document[field] === undefined)
      .map((field) => [field, 1]),
  );
  await OfferModel.updateOne(
    { _id: offer._id, organisationId: offer.organisationId },
    { $set: document, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
    { runValidators: true },
  );
  // A new postcode may move the offer to another municipality: both see the change.
  await announceOfferWrite(offer.municipalityCode);
  if (document.municipalityCode !== offer.municipalityCode)
    await announceOfferWrite(document.municipalityCode);
  await audit(actor, 'offer.updated', offerId, context);
}

/** Pausing hides an offer from the marketplace without losing it; activating shows it again. */
export async function setOfferStatus(
  actor: Actor,
  offerId: string,
  status: OfferStatus,
  context: RequestContext,
): Promise<void> {
  const offer = await findOwnOffer(actor, offerId);
  if (offer.status === status) return;
  await OfferModel.updateOne({ _id: offer._id, organisationId: offer.organisationId }, { $set: { status } });
  await announceOfferWrite(offer.municipalityCode);
  await audit(actor, status === 'paused' ? 'offer.paused' : 'offer.activated', offerId, context);
}
