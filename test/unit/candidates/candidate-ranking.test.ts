import assert from 'node:assert/strict';
import { exclusionLines, rankCandidates } from '../../../src/components/candidates/candidate-ranking.js';
import {
  DEFAULT_WEIGHTS,
  type CandidateFacts,
  type RequestFacts,
} from '../../../src/components/candidates/candidate-rules.js';

const HERE = { lat: 57.22, lon: 9.67 };
const request: RequestFacts = {
  age: 10,
  interests: ['fodbold'],
  homeLanguages: ['da'],
  windows: [],
  point: HERE,
  maxTravelKm: 25,
  noFaithCommunity: false,
  networkOrganisationIds: ['known'],
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
  windows: [],
  point: HERE,
  ...overrides,
});

describe('candidate ranking', () => {
  it('when some candidates fail filters, then they are counted by reason, largest first', () => {
    const { ranked, excluded } = rankCandidates(
      [
        candidate('a'),
        candidate('b', { vettedUntil: undefined }),
        candidate('c', { vettedUntil: undefined }),
        candidate('d', { point: { lat: 58, lon: 9.67 } }),
      ],
      request,
      DEFAULT_WEIGHTS,
    );
    assert.deepEqual(
      ranked.map((r) => r.candidate.volunteerId),
      ['a'],
    );
    assert.deepEqual(excluded, {
      total: 3,
      reasons: [
        { reason: 'not-vetted', count: 2 },
        { reason: 'too-far', count: 1 },
      ],
    });
    assert.deepEqual(exclusionLines(excluded), [
      { key: 'candidates.reasons.not-vetted', count: 2 },
      { key: 'candidates.reasons.too-far', count: 1 },
    ]);
  });

  it('when a volunteer has several candidates, then they appear once, with the best, and are not counted as excluded', () => {
    const { ranked, excluded } = rankCandidates(
      [
        candidate('a', { offerId: 'full', offer: { ageMin: 7, ageMax: 12, freePlaces: 0 } }),
        candidate('a', {
          offerId: 'fit',
          interests: ['fodbold'],
          offer: { ageMin: 7, ageMax: 12, freePlaces: 1 },
        }),
        candidate('a'),
      ],
      request,
      DEFAULT_WEIGHTS,
    );
    assert.equal(ranked.length, 1);
    assert.equal(ranked[0]!.candidate.offerId, 'fit');
    assert.equal(excluded.total, 0);
  });

  it('when a volunteer fails every candidate, then the reason is the one furthest through the filters', () => {
    const { excluded } = rankCandidates(
      [candidate('a', { status: 'paused' }), candidate('a', { activeMatches: 1 })],
      request,
      { ...DEFAULT_WEIGHTS },
    );
    assert.deepEqual(excluded.reasons, [{ reason: 'at-limit', count: 1 }]);
  });

  it('when the child knows an organisation, then its volunteer ranks first; weights change the order', () => {
    const pool = [
      candidate('stranger', { interests: ['fodbold'] }),
      candidate('known', { organisationId: 'known' }),
    ];
    assert.equal(rankCandidates(pool, request, DEFAULT_WEIGHTS).ranked[0]!.candidate.volunteerId, 'known');
    const noNetwork = { ...DEFAULT_WEIGHTS, network: 0 };
    assert.equal(rankCandidates(pool, request, noNetwork).ranked[0]!.candidate.volunteerId, 'stranger');
  });

  it('when two score the same, then the order is stable (by id)', () => {
    const { ranked } = rankCandidates([candidate('b'), candidate('a')], request, DEFAULT_WEIGHTS);
    assert.deepEqual(
      ranked.map((r) => r.candidate.volunteerId),
      ['a', 'b'],
    );
  });
});
