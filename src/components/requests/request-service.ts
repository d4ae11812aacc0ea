import { trusted } from 'mongoose';
import { socialWorkersOf, type Actor, type RequestContext } from '../accounts/index.js';
import { findPostcode } from '../geography/index.js';
import { listJoinableOrganisations } from '../organisations/index.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors/index.js';
import { MatchModel } from './match-model.js';
import { LIVE_STATES } from './match-rules.js';
import {
  auditRequest,
  loadRequest,
  mayChange,
  ownMunicipality,
  type StoredRequest,
} from './request-access.js';
import { RequestModel } from './request-model.js';
import type { RequestInput } from './request-schemas.js';

/** Organisations active in the municipality: the network checkboxes (the child may already know one). */
export async function networkChoices(municipalityCode: string) {
  return (await listJoinableOrganisations({ municipalityCode })).map(({ id, name }) => ({ id, name }));
}

/** The form's values as stored: the place derived from the postcode, network ids limited to real choices. */
async function documentFor(municipalityCode: string, input: RequestInput) {
  const place = findPostcode(input.postcode);
  if (!place) throw new ValidationError({ postcode: 'matching.request.postcodeUnknown' });
  const known = new Set((await networkChoices(municipalityCode)).map((choice) => choice.id));
  if (!input.networkOrganisationIds.every((id) => known.has(id)))
    throw new ValidationError({ networkOrganisationIds: 'forms.errors.invalid' });
  const { networkOrganisationIds, ...rest } = input;
  return {
    ...rest,
    networkOrganisationIds,
    areaMunicipalityCode: place.municipalityCode,
    lat: place.lat,
    lon: place.lon,
  };
}

/** A new request in the actor's municipality, with the actor responsible; audited. Returns its id. */
export async function createRequest(
  actor: Actor,
  input: RequestInput,
  context: RequestContext,
): Promise<string> {
  const municipalityCode = ownMunicipality(actor);
  const created = await RequestModel.create({
    ...(await documentFor(municipalityCode, input)),
    municipalityCode,
    responsibleId: actor.userId,
    createdBy: actor.userId,
    status: 'open',
  });
  const id = String(created._id);
  await auditRequest(actor, 'request.create', id, context);
  return id;
}

/** A request as its team reads it (the detail page); the read itself is audited. */
export async function readRequest(actor: Actor, requestId: string, context: RequestContext) {
  const request = await loadRequest(actor, requestId);
  await auditRequest(actor, 'request.read', requestId, context);
  return request;
}

async function changeable(actor: Actor, requestId: string, change: 'edit' | 'transfer' | 'close') {
  const request = await loadRequest(actor, requestId);
  if (!(await mayChange(actor, request, change))) throw new ForbiddenError('Only the responsible worker');
  return request;
}

/** Whether the actor may edit (the page shows the form or says who may). */
export async function mayEdit(actor: Actor, request: StoredRequest): Promise<boolean> {
  return mayChange(actor, request, 'edit');
}

/** Changes the request (responsible worker only); audited with the names of the fields that changed. */
export async function updateRequest(
  actor: Actor,
  requestId: string,
  input: RequestInput,
  context: RequestContext,
): Promise<void> {
  const request = await changeable(actor, requestId, 'edit');
  const next = await documentFor(request.municipalityCode, input);
  const changed = Object.entries(next)
    .filter(
      ([field, value]) =>
        JSON.stringify(value) !== JSON.stringify((request as Record<string, unknown>)[field]),
    )
    .map(([field]) => field);
  const unset = ['gender', 'maxTravelKm', 'adultGender'].filter(
    (field) => next[field as keyof typeof next] === undefined,
  );
  await RequestModel.updateOne(
    { _id: request._id, municipalityCode: request.municipalityCode },
    { $set: next, ...(unset.length ? { $unset: Object.fromEntries(unset.map((field) => [field, 1])) } : {}) },
    { runValidators: true },
  );
  // Field names only: the audit log never holds the case's contents.
  await auditRequest(actor, 'request.update', requestId, context, { fields: changed });
}

/** Active social workers of the municipality other than the responsible one: who can take a request over. */
export async function transferChoices(request: StoredRequest) {
  return (await socialWorkersOf(request.municipalityCode)).filter(
    (person) => person.id !== request.responsibleId,
  );
}

/** Hands the request to a colleague in the same municipality; audited with both ids. */
export async function transferRequest(
  actor: Actor,
  requestId: string,
  colleagueId: string,
  context: RequestContext,
): Promise<void> {
  const request = await changeable(actor, requestId, 'transfer');
  if (!(await transferChoices(request)).some((person) => person.id === colleagueId))
    throw new ValidationError({ colleagueId: 'matching.transfer.choose' });
  await RequestModel.updateOne(
    { _id: request._id, municipalityCode: request.municipalityCode },
    { $set: { responsibleId: colleagueId } },
  );
  await auditRequest(actor, 'request.transfer', requestId, context, {
    from: request.responsibleId,
    to: colleagueId,
  });
}

/** Closes the request; a request with a match still going must have that match closed first. */
export async function closeRequest(actor: Actor, requestId: string, context: RequestContext): Promise<void> {
  const request = await changeable(actor, requestId, 'close');
  if (request.status === 'closed') throw new ConflictError('Already closed');
  const live = await MatchModel.countDocuments({ requestId, state: trusted({ $in: LIVE_STATES }) });
  if (live > 0) throw new ConflictError('A match is still going');
  await RequestModel.updateOne(
    { _id: request._id, municipalityCode: request.municipalityCode },
    { $set: { status: 'closed', closedAt: new Date(), closedBy: actor.userId } },
  );
  await auditRequest(actor, 'request.close', requestId, context);
}
