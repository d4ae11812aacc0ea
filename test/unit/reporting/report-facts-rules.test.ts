import assert from 'node:assert/strict';
import type { ReportInput } from '../../../src/components/reporting/figures-rules.js';
import { opaqueKey, packFacts, unpackFacts } from '../../../src/components/reporting/report-facts-rules.js';

const at = (day: string) => new Date(`${day}T10:00:00Z`);

const input: ReportInput = {
  requests: ['2025-01-05', '2025-02-10', '2025-03-15'].map((day, index) => ({
    id: `request-${index}`,
    createdAt: at(day),
    preventsStep: 'family-support',
    status: 'matched',
    postcode: index === 0 ? '9490' : '9440',
  })),
  matches: [
    {
      id: 'match-0',
      requestId: 'request-0',
      state: 'closed',
      createdAt: at('2025-01-10'),
      closeReason: 'moved',
      history: [
        { state: 'proposed', at: at('2025-01-10') },
        { state: 'active', at: at('2025-01-20') },
        { state: 'closed', at: at('2025-04-01') },
      ],
    },
  ],
  followUps: [
    { matchId: 'match-0', dueOn: '2025-02-20', state: 'done', answeredAt: at('2025-02-19'), wellbeing: 4 },
    { matchId: 'match-0', dueOn: '2025-03-20', state: 'open', worryRaisedAt: at('2025-03-01') },
  ],
};

describe('maintained report facts', () => {
  it('when packed in small chunks and unpacked, then every record comes back under an opaque key', () => {
    const chunks = packFacts('0849', input, 200);
    assert.ok(chunks.length > 1, `${chunks.length} chunks`);
    const back = unpackFacts(chunks.map((chunk) => chunk.body));
    assert.equal(back.requests.length, 3);
    const match = back.matches[0]!;
    assert.equal(match.id, opaqueKey('0849', 'match-0'));
    assert.equal(match.requestId, opaqueKey('0849', 'request-0'));
    assert.deepEqual(match.history, input.matches[0]!.history);
    assert.deepEqual(
      back.followUps.map((f) => [f.matchId, f.dueOn, f.wellbeing, f.worryRaisedAt?.getTime()]),
      [
        [match.id, '2025-02-20', 4, undefined],
        [match.id, '2025-03-20', undefined, at('2025-03-01').getTime()],
      ],
    );
    for (const chunk of chunks) assert.doesNotMatch(chunk.body, /request-|match-/);
  });

  it('when the same records are packed in another order, then the chunks and digests are the same', () => {
    const reversed = {
      requests: [...input.requests].reverse(),
      matches: input.matches,
      followUps: [...input.followUps].reverse(),
    };
    assert.deepEqual(packFacts('0849', reversed), packFacts('0849', input));
    assert.notDeepEqual(packFacts('0851', input), packFacts('0849', input), 'keys differ per municipality');
  });
});
