import assert from 'node:assert/strict';
import { rankCandidates, type NearMisses } from '../../../src/components/candidates/candidate-ranking.js';
import { relaxationsOf } from '../../../src/components/candidates/candidate-relaxation-rules.js';
import {
  DEFAULT_WEIGHTS,
  type CandidateFacts,
  type RequestFacts,
} from '../../../src/components/candidates/candidate-rules.js';

const HERE = { lat: 57.22, lon: 9.67 };
// About 1.1 km per 0.01 degrees of latitude.
const north = (km: number) => ({ lat: HERE.lat + km / 111.2, lon: HERE.lon });
const TUESDAY = { weekday: 2, from: '16:00', to: '18:00' };
const THURSDAY = { weekday: 4, from: '16:00', to: '18:00' };
const request: RequestFacts = {
  age: 10,
  interests: [],
  homeLanguages: [],
  windows: [TUESDAY],
  point: HERE,
  maxTravelKm: 10,
  noFaithCommunity: false,
  networkOrganisationIds: [],
  vettedThrough: new Date('2027-06-01'),
};
const candidate = (volunteerId: string, overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({
  volunteerId,
  organisationId: 'o1',
  organisationKind: 'association',
  vettedUntil: new Date('2028-01-01'),
  status: 'active',
  maxChildren: 1,
  activeMatches: 0,
  languages: ['da'],
  interests: [],
  windows: [TUESDAY],
  point: HERE,
  ...overrides,
});
const missesOf = (candidates: CandidateFacts[], facts: RequestFacts = request) =>
  rankCandidates(candidates, facts, DEFAULT_WEIGHTS).nearMisses;

describe('ways forward when candidates are left out', () => {
  it('when someone fails one wish only, then they are a near miss for that wish, with their distance', () => {
    const misses = missesOf(
      [
        candidate('far', { point: north(12), gender: 'female' }),
        candidate('thursday', { windows: [THURSDAY], gender: 'female' }),
        candidate('male', { gender: 'male' }),
      ],
      { ...request, adultGender: 'female' },
    );
    assert.deepEqual(
      misses.wishes.map((miss) => [miss.volunteerId, miss.wish, Math.round(miss.km)]),
      [
        ['far', 'too-far', 12],
        ['thursday', 'schedule', 0],
        ['male', 'adult-gender', 0],
      ],
    );
  });

  it('when someone fails two things, or a safeguard and a wish, then no single change is offered for them', () => {
    const misses = missesOf([
      candidate('far-and-thursday', { point: north(12), windows: [THURSDAY] }),
      candidate('far-and-unvetted', { point: north(12), vettedUntil: undefined }),
      candidate('far-and-paused', { point: north(12), status: 'paused' }),
      candidate('far-and-full', { point: north(12), activeMatches: 1 }),
    ]);
    assert.deepEqual(misses, { wishes: [], vetting: [], places: 0 });
  });

  it('when the vetting or a full place is the only thing, then they are counted apart from the wishes', () => {
    const misses = missesOf([
      candidate('unvetted', { vettedUntil: undefined, organisationId: 'club' }),
      candidate('expiring', { vettedUntil: new Date('2027-01-01'), organisationId: 'club' }),
      candidate('full', { activeMatches: 1 }),
      candidate('offer-full', { offer: { ageMin: 6, ageMax: 14, freePlaces: 0 } }),
    ]);
    assert.deepEqual(misses.wishes, []);
    assert.deepEqual(misses.vetting, [
      { volunteerId: 'unvetted', organisationId: 'club' },
      { volunteerId: 'expiring', organisationId: 'club' },
    ]);
    assert.equal(misses.places, 2);
  });

  it('when a person is eligible through another candidate, then they are not a near miss', () => {
    const misses = missesOf([
      candidate('both', { point: north(12) }),
      candidate('both', { offer: { ageMin: 6, ageMax: 14, freePlaces: 2 } }),
    ]);
    assert.deepEqual(misses, { wishes: [], vetting: [], places: 0 });
  });

  it('when people are too far, then the smallest 5 km step that reaches someone is offered, with all it reaches', () => {
    const misses = missesOf([
      candidate('a', { point: north(11) }),
      candidate('b', { point: north(14) }),
      candidate('c', { point: north(19) }),
      candidate('d', { point: north(300) }),
    ]);
    assert.deepEqual(relaxationsOf(misses.wishes, request), [{ kind: 'distance', km: 15, count: 2 }]);
  });

  it('when only people beyond the longest allowed distance are too far, then no distance is offered', () => {
    const misses = missesOf([candidate('d', { point: north(150) })]);
    assert.deepEqual(relaxationsOf(misses.wishes, request), []);
  });

  it('when people are free on another weekday at the same time, then that weekday is offered', () => {
    const misses = missesOf([
      candidate('a', { windows: [THURSDAY] }),
      candidate('b', { windows: [{ weekday: 4, from: '17:00', to: '19:00' }] }),
      candidate('c', { windows: [{ weekday: 5, from: '16:00', to: '17:00' }] }),
      candidate('d', { windows: [{ weekday: 2, from: '09:00', to: '10:00' }] }),
    ]);
    assert.deepEqual(relaxationsOf(misses.wishes, request), [
      { kind: 'weekday', weekday: 4, from: '16:00', to: '18:00', count: 2 },
    ]);
  });

  it('when no other weekday at the same time reaches anyone, or the form has no free row, then dropping the time wish is offered', () => {
    const morning = missesOf([candidate('d', { windows: [{ weekday: 2, from: '09:00', to: '10:00' }] })]);
    assert.deepEqual(relaxationsOf(morning.wishes, request), [{ kind: 'any-time', count: 1 }]);
    const full = { ...request, windows: [TUESDAY, { ...TUESDAY, weekday: 3 }, { ...TUESDAY, weekday: 1 }] };
    const thursday = missesOf([candidate('a', { windows: [THURSDAY] })], full);
    assert.deepEqual(relaxationsOf(thursday.wishes, full), [{ kind: 'any-time', count: 1 }]);
  });

  it('when several wishes would each find someone, then at most three are offered, the largest gain first', () => {
    const wishes: NearMisses['wishes'] = [
      { volunteerId: 'a', wish: 'adult-gender', km: 1, windows: [TUESDAY] },
      { volunteerId: 'b', wish: 'too-far', km: 12, windows: [TUESDAY] },
      { volunteerId: 'c', wish: 'too-far', km: 13, windows: [TUESDAY] },
      { volunteerId: 'd', wish: 'schedule', km: 1, windows: [THURSDAY] },
      { volunteerId: 'e', wish: 'schedule', km: 1, windows: [THURSDAY] },
      { volunteerId: 'f', wish: 'schedule', km: 1, windows: [THURSDAY] },
    ];
    assert.deepEqual(relaxationsOf(wishes, request), [
      { kind: 'weekday', weekday: 4, from: '16:00', to: '18:00', count: 3 },
      { kind: 'distance', km: 15, count: 2 },
      { kind: 'any-gender', count: 1 },
    ]);
  });

  it('when no one is left out by a wish, then nothing is offered', () => {
    assert.deepEqual(relaxationsOf([], request), []);
  });
});
