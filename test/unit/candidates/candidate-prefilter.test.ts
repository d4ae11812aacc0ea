import assert from 'node:assert/strict';
import { needsCounts, rankCandidates } from '../../../src/components/candidates/candidate-ranking.js';
import {
  DEFAULT_WEIGHTS,
  type CandidateFacts,
  type RequestFacts,
} from '../../../src/components/candidates/candidate-rules.js';

const HERE = { lat: 57.22, lon: 9.67 };

// A small deterministic generator: the same cases on every run, many combinations of filters at once.
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return { pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!, next };
}

const request = (pick: ReturnType<typeof generator>['pick']): RequestFacts => ({
  age: pick([6, 10, 14]),
  interests: pick([[], ['fodbold'], ['fodbold', 'tegning']]),
  homeLanguages: pick([[], ['da'], ['ar']]),
  windows: pick([[], [{ weekday: 2, from: '16:00', to: '18:00' }]]),
  point: HERE,
  maxTravelKm: pick([5, 25]),
  adultGender: pick([undefined, 'female']),
  noFaithCommunity: pick([false, true]),
  networkOrganisationIds: pick([[], ['o1']]),
  vettedThrough: new Date('2027-06-01'),
});

/** A candidate with counts at zero, and the counts the database holds for it. */
function candidate(random: ReturnType<typeof generator>, index: number) {
  const { pick, next } = random;
  const withOffer = next() < 0.4;
  const facts: CandidateFacts = {
    volunteerId: `v${Math.floor(index / 2)}`,
    organisationId: pick(['o1', 'o2']),
    offerId: withOffer ? `offer${index}` : undefined,
    organisationKind: pick(['association', 'association', 'faith']),
    vettedUntil: pick([undefined, new Date('2027-01-01'), new Date('2028-01-01'), new Date('2028-01-01')]),
    status: pick(['active', 'active', 'active', 'paused']),
    maxChildren: pick([0, 1, 1, 2]),
    activeMatches: 0,
    gender: pick([undefined, 'female', 'male']),
    languages: pick([['da'], ['da', 'ar']]),
    interests: pick([[], ['fodbold'], ['tegning', 'Fodbold']]),
    windows: pick([
      [],
      [{ weekday: 2, from: '15:00', to: '17:00' }],
      [{ weekday: 4, from: '16:00', to: '18:00' }],
    ]),
    point: pick([HERE, { lat: 57.3, lon: 9.67 }, { lat: 57.6, lon: 9.67 }]),
    offer: withOffer
      ? { ageMin: pick([6, 9]), ageMax: pick([10, 13]), freePlaces: pick([0, 1, 2, 3]) }
      : undefined,
  };
  return { facts, activeMatches: pick([0, 0, 1, 2]), placesInUse: pick([0, 0, 1, 3]) };
}

const withCounts = (
  facts: CandidateFacts,
  counts: { activeMatches: number; placesInUse: number },
): CandidateFacts => ({
  ...facts,
  activeMatches: counts.activeMatches,
  offer: facts.offer && {
    ...facts.offer,
    freePlaces: Math.max(0, facts.offer.freePlaces - counts.placesInUse),
  },
});

describe('reading the counts of matches only for candidates that need them', () => {
  it('when only the candidates that need counts get them, then the ranking, the excluded and the near misses are those of counting everyone', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const random = generator(seed);
      const facts = request(random.pick);
      const people = Array.from({ length: 24 }, (_, index) => candidate(random, index));
      const everyone = rankCandidates(
        people.map((person) => withCounts(person.facts, person)),
        facts,
        DEFAULT_WEIGHTS,
      );
      const prefiltered = rankCandidates(
        people.map((person) =>
          needsCounts(person.facts, facts) ? withCounts(person.facts, person) : person.facts,
        ),
        facts,
        DEFAULT_WEIGHTS,
      );
      assert.deepEqual(
        prefiltered.ranked.map((item) => ({ ...item, candidate: item.candidate.volunteerId })),
        everyone.ranked.map((item) => ({ ...item, candidate: item.candidate.volunteerId })),
        `seed ${seed}`,
      );
      assert.deepEqual(prefiltered.excluded, everyone.excluded, `seed ${seed}`);
      assert.deepEqual(prefiltered.nearMisses, everyone.nearMisses, `seed ${seed}`);
    }
  });

  it('when a candidate fails two filters before any count, then it needs none; with one, it does', () => {
    const base = candidate(generator(7), 0).facts;
    const facts = request(generator(7).pick);
    const fine: CandidateFacts = {
      ...base,
      status: 'active',
      vettedUntil: new Date('2030-01-01'),
      organisationKind: 'association',
      gender: facts.adultGender,
      windows: facts.windows,
      point: HERE,
      maxChildren: 1,
      offer: undefined,
    };
    assert.equal(needsCounts(fine, facts), true);
    assert.equal(needsCounts({ ...fine, status: 'paused' }, facts), true);
    assert.equal(needsCounts({ ...fine, status: 'paused', point: { lat: 58.5, lon: 9.67 } }, facts), false);
  });
});
