import assert from 'node:assert/strict';
import {
  DEFAULT_WEIGHTS,
  exclusionOf,
  scoreOf,
  sharedMinutes,
  type CandidateFacts,
  type ExclusionReason,
  type RequestFacts,
} from '../../../src/components/candidates/candidate-rules.js';

const NOW = new Date('2026-06-01T12:00:00Z');
// Pandrup (9490) and a point about 40 km away.
const PANDRUP = { lat: 57.22, lon: 9.67 };
const FAR = { lat: 57.58, lon: 9.67 };

const request = (overrides: Partial<RequestFacts> = {}): RequestFacts => ({
  age: 10,
  interests: ['fodbold', 'tegning'],
  homeLanguages: ['da'],
  windows: [{ weekday: 2, from: '16:00', to: '18:00' }],
  point: PANDRUP,
  maxTravelKm: 25,
  noFaithCommunity: false,
  networkOrganisationIds: [],
  vettedThrough: new Date('2027-06-01T00:00:00Z'),
  ...overrides,
});

const candidate = (overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({
  volunteerId: 'v1',
  organisationId: 'o1',
  organisationKind: 'association',
  vettedUntil: new Date('2028-01-01T00:00:00Z'),
  status: 'active',
  maxChildren: 1,
  activeMatches: 0,
  gender: 'female',
  languages: ['da'],
  interests: ['fodbold'],
  windows: [{ weekday: 2, from: '16:00', to: '17:00' }],
  point: PANDRUP,
  ...overrides,
});

describe('candidate rules: hard filters', () => {
  const cases: Array<[string, Partial<CandidateFacts>, Partial<RequestFacts>, ExclusionReason | undefined]> =
    [
      ['an eligible volunteer', {}, {}, undefined],
      ['a paused profile', { status: 'paused' }, {}, 'paused'],
      ['no vetting at all', { vettedUntil: undefined }, {}, 'not-vetted'],
      [
        'vetting that runs out before the expected end',
        { vettedUntil: new Date('2027-01-01') },
        {},
        'not-vetted',
      ],
      [
        'a faith community when the family does not want one',
        { organisationKind: 'faith' },
        { noFaithCommunity: true },
        'faith-community',
      ],
      ['a faith community when the family does not mind', { organisationKind: 'faith' }, {}, undefined],
      ['a male adult when a female is wished', { gender: 'male' }, { adultGender: 'female' }, 'adult-gender'],
      [
        'gender not stated when one is wished',
        { gender: undefined },
        { adultGender: 'female' },
        'adult-gender',
      ],
      ['gender not stated when none is wished', { gender: undefined }, {}, undefined],
      ['an offer for older children', { offer: { ageMin: 12, ageMax: 15, freePlaces: 1 } }, {}, 'age'],
      [
        'an offer for the child’s age, both ends included',
        { offer: { ageMin: 10, ageMax: 10, freePlaces: 1 } },
        {},
        undefined,
      ],
      ['no shared time', { windows: [{ weekday: 3, from: '16:00', to: '18:00' }] }, {}, 'schedule'],
      [
        'windows touching but not overlapping',
        { windows: [{ weekday: 2, from: '18:00', to: '19:00' }] },
        {},
        'schedule',
      ],
      ['no time asked for', { windows: [] }, { windows: [] }, undefined],
      ['too far', { point: FAR }, {}, 'too-far'],
      ['far, but within a larger distance', { point: FAR }, { maxTravelKm: 50 }, undefined],
      ['at the own limit', { activeMatches: 1 }, {}, 'at-limit'],
      ['below a limit of two', { activeMatches: 1, maxChildren: 2 }, {}, undefined],
      [
        'an offer with no free place',
        { offer: { ageMin: 7, ageMax: 12, freePlaces: 0 } },
        {},
        'no-free-place',
      ],
      [
        'paused and not vetted: the first reason counts',
        { status: 'paused', vettedUntil: undefined },
        {},
        'paused',
      ],
    ];
  for (const [name, c, r, expected] of cases) {
    it(`when ${name}, then ${expected ?? 'eligible'}`, () => {
      assert.equal(exclusionOf(candidate(c), request(r))?.reason, expected);
    });
  }

  it('when too far, then the explanation carries the distance', () => {
    assert.deepEqual(exclusionOf(candidate({ point: FAR }), request())?.params, { km: 40 });
  });
});

describe('candidate rules: the score', () => {
  const points = (c: Partial<CandidateFacts>, r: Partial<RequestFacts> = {}) =>
    Object.fromEntries(
      scoreOf(candidate(c), request(r), DEFAULT_WEIGHTS).factors.map((f) => [f.factor, f.points]),
    );

  const cases: Array<[string, Partial<CandidateFacts>, Partial<RequestFacts>, Record<string, number>]> = [
    ['one of two interests shared', {}, {}, { interests: 15 }],
    ['interests shared regardless of case', { interests: ['FODBOLD', 'Tegning'] }, {}, { interests: 30 }],
    ['no interests asked', {}, { interests: [] }, { interests: 0 }],
    ['the same postcode', {}, {}, { distance: 20 }],
    [
      'half the maximum distance away',
      { point: { lat: 57.22 + 12.5 / 111.2, lon: 9.67 } },
      {},
      { distance: 10 },
    ],
    ['an hour of two wished hours', {}, {}, { schedule: 10 }],
    [
      'the whole wished time',
      { windows: [{ weekday: 2, from: '15:00', to: '19:00' }] },
      {},
      { schedule: 20 },
    ],
    ['the family’s language', {}, {}, { language: 15 }],
    ['no shared language', { languages: ['en'] }, {}, { language: 0 }],
    [
      'an organisation the child knows',
      { organisationId: 'known' },
      { networkOrganisationIds: ['known'] },
      { network: 200 },
    ],
    ['an adult the child knows', { volunteerId: 'aunt' }, { networkVolunteerId: 'aunt' }, { network: 200 }],
    ['no active matches', {}, {}, { load: 15 }],
    ['one active match', { activeMatches: 1, maxChildren: 2 }, {}, { load: 7.5 }],
  ];
  for (const [name, c, r, expected] of cases) {
    it(`when ${name}, then the factor gives ${JSON.stringify(expected)}`, () => {
      const got = points(c, r);
      for (const [factor, value] of Object.entries(expected)) assert.equal(got[factor], value, factor);
    });
  }

  it('when every factor is scored, then the total is their sum and every factor is explained', () => {
    const { factors, score } = scoreOf(candidate(), request(), DEFAULT_WEIGHTS);
    assert.equal(
      score,
      factors.reduce((sum, f) => sum + f.points, 0),
    );
    assert.deepEqual(
      factors.map((f) => f.key),
      ['network.none', 'interests.some', 'distance', 'schedule.some', 'language.some', 'load'],
    );
    assert.deepEqual(factors.find((f) => f.factor === 'interests')?.params, {
      shared: 'fodbold',
      count: 1,
      total: 2,
    });
    assert.deepEqual(factors.find((f) => f.factor === 'schedule')?.params, { minutes: 60, percent: 50 });
  });

  it('when the network weight is the default, then a known organisation outranks the best stranger', () => {
    const best = scoreOf(
      candidate({ interests: ['fodbold', 'tegning'], windows: [{ weekday: 2, from: '16:00', to: '18:00' }] }),
      request(),
      DEFAULT_WEIGHTS,
    );
    const known = scoreOf(
      candidate({
        organisationId: 'known',
        interests: [],
        languages: [],
        point: { lat: 57.4, lon: 9.67 },
        activeMatches: 0,
      }),
      request({ networkOrganisationIds: ['known'] }),
      DEFAULT_WEIGHTS,
    );
    assert.ok(known.score > best.score, `${known.score} > ${best.score}`);
  });

  it('when windows overlap each other, then each wished minute counts once', () => {
    const offered = [
      { weekday: 2, from: '16:00', to: '17:30' },
      { weekday: 2, from: '17:00', to: '18:30' },
    ];
    assert.equal(sharedMinutes([{ weekday: 2, from: '16:00', to: '18:00' }], offered), 120);
  });

  it('when nothing is known about the child but the rules’ inputs, then no ethnicity or religion is read', () => {
    // A guard for the future: the request facts name no such field, and adding one must fail this test.
    assert.deepEqual(Object.keys(request()).sort(), [
      'age',
      'homeLanguages',
      'interests',
      'maxTravelKm',
      'networkOrganisationIds',
      'noFaithCommunity',
      'point',
      'vettedThrough',
      'windows',
    ]);
    assert.ok(NOW);
  });
});
