import assert from 'node:assert/strict';
import {
  caseloadFigures,
  lastMonths,
  matchStateOn,
  measuredOn,
  requestOpenOn,
  type CaseloadMatch,
  type CaseloadRequest,
} from '../../../src/components/caseload/caseload-rules.js';

const request = (id: string, openedOn: string, status = 'open', closedOn?: string): CaseloadRequest => ({
  id,
  responsibleId: 'sara',
  status,
  openedOn,
  closedOn,
});

describe('caseload rules', () => {
  it('when the months are listed, then they are the last twelve up to this one, across a new year', () => {
    assert.deepEqual(lastMonths('2026-03-15'), [
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('when a month is over, then it is measured on its last day; the running month today', () => {
    assert.equal(measuredOn('2024-02', '2026-03-15'), '2024-02-29');
    assert.equal(measuredOn('2026-03', '2026-03-15'), '2026-03-15');
  });

  it('when a request is closed on a day, then it is open until the day before', () => {
    const closed = request('r', '2026-01-10', 'closed', '2026-02-01');
    assert.equal(requestOpenOn(closed, '2026-01-09'), false);
    assert.equal(requestOpenOn(closed, '2026-01-10'), true);
    assert.equal(requestOpenOn(closed, '2026-01-31'), true);
    assert.equal(requestOpenOn(closed, '2026-02-01'), false);
  });

  it('when a match moved through states, then its state on a day is the last one begun by then', () => {
    const match: CaseloadMatch = {
      requestId: 'r',
      state: 'closed',
      history: [
        { state: 'proposed', on: '2026-01-05' },
        { state: 'active', on: '2026-01-20' },
        { state: 'closed', on: '2026-03-02' },
      ],
    };
    assert.equal(matchStateOn(match, '2026-01-04'), undefined);
    assert.equal(matchStateOn(match, '2026-01-31'), 'active');
    assert.equal(matchStateOn(match, '2026-03-02'), 'closed');
  });

  it('when figures are counted, then only the given requests, their matches and their follow-ups count', () => {
    const requests = [
      request('r1', '2025-01-01'),
      request('r2', '2025-12-10', 'matched'),
      request('r3', '2025-06-01', 'closed', '2026-02-10'),
    ];
    const matches: CaseloadMatch[] = [
      { requestId: 'r2', state: 'active', history: [{ state: 'active', on: '2025-12-20' }] },
      {
        requestId: 'r3',
        state: 'closed',
        history: [
          { state: 'active', on: '2025-07-01' },
          { state: 'closed', on: '2026-02-05' },
        ],
      },
      { requestId: 'someone-else', state: 'active', history: [{ state: 'active', on: '2025-05-01' }] },
    ];
    const followUps = [
      { requestId: 'r2', audience: 'family' as const, status: 'due' },
      { requestId: 'r2', audience: 'family' as const, status: 'overdue' },
      { requestId: 'r2', audience: 'volunteer' as const, status: 'overdue' },
      { requestId: 'r2', audience: 'volunteer' as const, status: 'due' },
      { requestId: 'someone-else', audience: 'family' as const, status: 'overdue' },
    ];
    const figures = caseloadFigures(requests, matches, followUps, '2026-03-15');
    assert.deepEqual(figures.requests, [
      { state: 'open', count: 1 },
      { state: 'matched', count: 1 },
      { state: 'closed', count: 1 },
    ]);
    assert.equal(figures.matches.find((entry) => entry.state === 'active')?.count, 1);
    assert.equal(figures.matches.find((entry) => entry.state === 'closed')?.count, 1);
    assert.deepEqual(figures.due, { familyDue: 1, familyOverdue: 1, checkInsOverdue: 1 });
    assert.equal(figures.openNow, 2);
    const at = (month: string) => figures.months.find((point) => point.month === month);
    assert.deepEqual(at('2025-04'), { month: '2025-04', openRequests: 1, liveMatches: 0 });
    assert.deepEqual(at('2025-07'), { month: '2025-07', openRequests: 2, liveMatches: 1 });
    assert.deepEqual(at('2025-12'), { month: '2025-12', openRequests: 3, liveMatches: 2 });
    assert.deepEqual(at('2026-02'), { month: '2026-02', openRequests: 2, liveMatches: 1 });
    assert.deepEqual(at('2026-03'), { month: '2026-03', openRequests: 2, liveMatches: 1 });
  });
});
