import assert from 'node:assert/strict';
import { type MatchForReport } from '../../../src/components/case-reads/index.js';
import { computeFigures, monthsOf } from '../../../src/components/reporting/figures-rules.js';
import { barChartOf } from '../../../src/components/reporting/report-chart.js';
import { reportTables } from '../../../src/components/reporting/report-tables.js';

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const period = { from: '2025-01-01', to: '2025-12-31' };

function activeMatch(id: string, requestId: string, activeOn: string, closedOn?: string): MatchForReport {
  return {
    id,
    requestId,
    state: closedOn ? 'closed' : 'active',
    createdAt: at(activeOn),
    closeReason: closedOn ? 'goal-reached' : undefined,
    history: [
      { state: 'proposed', at: at(activeOn) },
      { state: 'active', at: at(activeOn) },
      ...(closedOn ? [{ state: 'closed' as const, at: at(closedOn) }] : []),
    ],
  };
}

describe('report figures', () => {
  it('when requests got matches at different speeds, then days to match count from the request to the first active', () => {
    const requests = ['a', 'b', 'c'].map((id) => ({
      id,
      createdAt: at('2025-03-01'),
      preventsStep: 'family-support' as const,
      status: 'matched',
      postcode: '9490',
    }));
    const matches = [
      activeMatch('m1', 'a', '2025-03-11'),
      activeMatch('m2', 'a', '2025-03-05'),
      activeMatch('m3', 'b', '2025-05-01', '2025-11-20'),
    ];
    const figures = computeFigures({ requests, matches, followUps: [] }, period, '2026-01-10');
    assert.deepEqual(figures.daysToMatch.sort(), [4, 61]);
    assert.equal(figures.matchedWithin30, 1);
    assert.equal(figures.activeAtEnd, 2);
    assert.equal(figures.childrenSupported, 2);
    assert.deepEqual(figures.lasting, { started: 3, lasted: 3 });
  });

  it('when follow-ups were answered before, after or never, then they count as on time, late and missed', () => {
    const followUps = [
      { matchId: 'm', dueOn: '2025-02-01', state: 'done', answeredAt: at('2025-01-30'), wellbeing: 2 },
      { matchId: 'm', dueOn: '2025-03-01', state: 'done', answeredAt: at('2025-03-04'), wellbeing: 4 },
      { matchId: 'm', dueOn: '2025-04-01', state: 'open' },
      { matchId: 'm', dueOn: '2025-05-01', state: 'skipped' },
      { matchId: 'm', dueOn: '2025-06-01', state: 'cancelled' },
    ];
    const figures = computeFigures({ requests: [], matches: [], followUps }, period, '2026-01-10');
    assert.deepEqual(figures.followUps, { onTime: 1, late: 1, missed: 2 });
    assert.equal(figures.wellbeing.matches, 1);
    assert.equal(figures.wellbeing.better, 1);
  });

  it('when the period spans a new year, then its months run across it', () => {
    assert.deepEqual(monthsOf({ from: '2025-11-15', to: '2026-02-01' }), [
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('when a month is held back, then the chart draws no bar for it and shows only "< 5"', () => {
    const requests = [...Array(8)].map((_, index) => ({
      id: `r${index}`,
      createdAt: at(index < 6 ? '2025-01-15' : '2025-02-15'),
      preventsStep: 'universal' as const,
      status: 'open',
      postcode: '9490',
    }));
    const figures = computeFigures({ requests, matches: [], followUps: [] }, period, '2026-01-10');
    const months = reportTables(figures).find((table) => table.id === 'months')!;
    const chart = barChartOf(months);
    const february = chart.bars[1]!;
    assert.equal(february.value, '< 5');
    assert.equal(february.suppressed, true);
    // January (6) is the complementary cell: the total 8 minus it would reveal February.
    assert.equal(chart.bars[0]!.value, '< 5');
    assert.equal(months.rows.at(-1)!.cells[0]!.text, '8');
  });
});
