import { OFFERS_TOPIC, runningOffersOf, type MatchingOffer } from '../offers/index.js';
import {
  activeMembershipsOf,
  MEMBERSHIPS_TOPIC,
  organisationsActiveIn,
  ORGANISATIONS_TOPIC,
} from '../organisations/index.js';
import { VETTING_TOPIC, vettedPeriodsOf, type VettingReadAs } from '../vetting/index.js';
import { profilesOf, PROFILES_TOPIC, type StoredProfile, type TimeWindow } from '../volunteers/index.js';
import { createReadModel } from '../../shared/db/index.js';

/** One possible adult for a child before any request is known: a member, with one offer or none. */
export interface BaseCandidate {
  volunteerId: string;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  offerId?: string;
  offerTitle?: string;
  offerPlaces?: number;
  ageMin?: number;
  ageMax?: number;
  vettedUntil?: Date;
  status: string;
  maxChildren: number;
  gender?: string;
  languages: string[];
  interests: string[];
  windows: TimeWindow[];
  lat: number;
  lon: number;
  postcode: string;
}

export interface CandidateBase {
  municipalityCode: string;
  candidates: BaseCandidate[];
  /** What the vetting periods were read under: the page checks it before showing them as exact. */
  vettingReadAs: VettingReadAs;
  /** When the read started: the data is at most this old (the pages show it as "updated hh:mm:ss"). */
  loadedAt: Date;
}

const plainWindows = (windows: readonly TimeWindow[]) =>
  windows.map(({ weekday, from, to }) => ({ weekday, from, to }));

function fromOffer(offer: MatchingOffer, adult: Omit<BaseCandidate, 'offerId'>): BaseCandidate {
  return {
    ...adult,
    offerId: String(offer._id),
    offerTitle: offer.title,
    offerPlaces: offer.places,
    ageMin: offer.ageMin,
    ageMax: offer.ageMax,
    // The offer says where and when; the adult's own languages and interests add to the offer's.
    windows: plainWindows(offer.schedule),
    lat: offer.lat,
    lon: offer.lon,
    postcode: offer.postcode,
    languages: [...new Set([...adult.languages, ...offer.languages])],
    interests: [...new Set([...adult.interests, ...offer.tags, offer.category])],
  };
}

/**
 * The candidate base of a municipality, read from the database: organisations active there, their
 * active members with a profile (and the adults of their running offers), and each person's vetting by
 * that organisation. This is the pre-filter read the read model keeps; on FerretDB each of these
 * queries decodes its whole collection, so it runs in the background, never on a page's critical path.
 */
export async function loadCandidateBase(municipalityCode: string): Promise<CandidateBase> {
  const loadedAt = new Date();
  const organisations = await organisationsActiveIn(municipalityCode);
  const ids = organisations.map((organisation) => organisation.id);
  const [memberships, offers, { periods, readAs: vettingReadAs }] = await Promise.all([
    activeMembershipsOf(ids),
    runningOffersOf(ids),
    vettedPeriodsOf(ids),
  ]);
  const userIds = [...new Set(memberships.map((membership) => membership.userId))];
  // Names are not read here: an `$in` over every member would cost minutes on FerretDB; the page reads
  // the first names of the twenty it shows, one by one (see candidate-service.ts).
  const profiles = await profilesOf(userIds);
  const profileOf = new Map<string, StoredProfile>(profiles.map((profile) => [profile.userId, profile]));
  const vetted = new Map(
    periods.map((period) => [`${period.userId}:${period.organisationId}`, period.vettedUntil]),
  );
  const organisationOf = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const member = new Set(
    memberships.map((membership) => `${membership.userId}:${membership.organisationId}`),
  );

  const adultIn = (userId: string, organisationId: string): Omit<BaseCandidate, 'offerId'> | undefined => {
    const profile = profileOf.get(userId);
    const organisation = organisationOf.get(organisationId);
    if (!profile || !organisation || !member.has(`${userId}:${organisationId}`)) return undefined;
    return {
      volunteerId: userId,
      organisationId,
      organisationName: organisation.name,
      organisationKind: organisation.kind,
      vettedUntil: vetted.get(`${userId}:${organisationId}`),
      status: profile.status,
      maxChildren: profile.maxChildren,
      gender: profile.gender ?? undefined,
      languages: [...profile.languages],
      interests: [...profile.interests, ...profile.skills],
      windows: plainWindows(profile.availability),
      lat: profile.lat,
      lon: profile.lon,
      postcode: profile.postcode,
    };
  };

  const candidates: BaseCandidate[] = [];
  for (const { userId, organisationId } of memberships) {
    const adult = adultIn(userId, organisationId);
    if (adult) candidates.push(adult);
  }
  for (const offer of offers) {
    for (const adultId of new Set(offer.adultIds)) {
      const adult = adultIn(adultId, offer.organisationId);
      if (adult) candidates.push(fromOffer(offer, adult));
    }
  }
  return { municipalityCode, candidates, vettingReadAs, loadedAt };
}

// Every municipality fits: Denmark has 98.
const MUNICIPALITY_CAPACITY = 100;

/**
 * Per instance and per municipality: the candidate base, at most READ_BOUNDS.candidates old. A write
 * scoped to one municipality (an offer, an organisation's decision) marks only that one for a newer
 * load; writes to memberships, profiles and vetting concern every municipality the person's
 * organisations work in, so they mark every key. Readers keep the value within its bound while the next
 * load runs, because a load takes seconds at 10,000 volunteers; eligibility is checked again against the
 * database when a proposal is made (candidate-eligibility.ts), so the read model can rank a candidate
 * but never produce an ineligible proposal.
 */
const readModel = createReadModel<CandidateBase>({
  bound: 'candidates',
  load: loadCandidateBase,
  capacity: MUNICIPALITY_CAPACITY,
  topics: [OFFERS_TOPIC, MEMBERSHIPS_TOPIC, ORGANISATIONS_TOPIC, VETTING_TOPIC, PROFILES_TOPIC],
  afterWrite: 'refresh',
  keyOfScope: (municipalityCode) => municipalityCode,
});

export async function candidateBase(municipalityCode: string): Promise<CandidateBase> {
  return (await readModel.get(municipalityCode)).value;
}

export function forgetCandidateBase(municipalityCode?: string): void {
  readModel.forget(municipalityCode);
}
