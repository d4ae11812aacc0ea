import assert from 'node:assert/strict';
import { type MatchForActivity } from '../../../src/components/case-reads/index.js';
import { volunteerRecordOf } from '../../../src/components/activity-reports/volunteer-record-rules.js';

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const at = (day: string) => new Date(`${day}T10:00:00Z`);

function match(id: string, requestId: string, events: Array<[string, string]>): MatchForActivity {
  const history = events.map(([state, day]) => ({ state: state as MatchForActivity['state'], at: at(day) }));
  return {
    id,
    requestId,
    organisationId: `org-${id}`,
    volunteerId: 'vera',
    state: history.at(-1)!.state,
    history,
  };
}

describe('volunteer record rules', () => {
  it('when matches started, ended and were only proposed, then the record counts the started ones from their first day', () => {
    const record = volunteerRecordOf(
      [
        match('m2', 'child-b', [
          ['proposed', '2025-05-20'],
          ['active', '2025-06-01'],
          ['closed', '2025-09-01'],
        ]),
        match('m1', 'child-a', [
          ['proposed', '2025-03-01'],
          ['active', '2025-03-10'],
          ['paused', '2025-08-01'],
        ]),
        match('m3', 'child-b', [
          ['active', '2025-10-01'],
          ['closed', '2025-11-15'],
        ]),
        match('m4', 'child-c', [['proposed', '2025-12-01']]),
      ],
      [
        { matchId: 'm1', answeredOn: '2025-03-24', meetings: 3 },
        { matchId: 'm1', answeredOn: '2025-04-24', meetings: 4 },
        { matchId: 'm2', answeredOn: '2025-06-15', meetings: 5 },
      ],
      dayOf,
    );
    assert.equal(record.meetings, 12);
    assert.equal(record.checkIns, 3);
    assert.equal(record.children, 2);
    assert.equal(record.since, '2025-03-10');
    assert.equal(record.until, undefined, 'a paused match still runs');
    assert.deepEqual(
      record.matches.map((m) => [m.organisationId, m.from, m.to, m.running, m.meetings, m.checkIns]),
      [
        ['org-m1', '2025-03-10', undefined, true, 7, 2],
        ['org-m2', '2025-06-01', '2025-09-01', false, 5, 1],
        ['org-m3', '2025-10-01', '2025-11-15', false, 0, 0],
      ],
    );
  });

  it('when every match has ended, then the record runs to the last end', () => {
    const record = volunteerRecordOf(
      [
        match('m1', 'a', [
          ['active', '2024-01-10'],
          ['closed', '2024-12-01'],
        ]),
        match('m2', 'b', [
          ['active', '2024-03-10'],
          ['closed', '2024-06-01'],
        ]),
      ],
      [],
      dayOf,
    );
    assert.equal(record.since, '2024-01-10');
    assert.equal(record.until, '2024-12-01');
    assert.equal(record.meetings, 0);
  });

  it('when nothing has started, then the record is empty', () => {
    const record = volunteerRecordOf(
      [
        match('m1', 'a', [
          ['proposed', '2024-01-10'],
          ['declined', '2024-01-11'],
        ]),
      ],
      [],
      dayOf,
    );
    assert.deepEqual(record, {
      meetings: 0,
      checkIns: 0,
      since: undefined,
      until: undefined,
      children: 0,
      matches: [],
    });
  });
});
