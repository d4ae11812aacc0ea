import assert from 'node:assert/strict';
import { caseloadChartOf } from '../../../src/components/caseload/caseload-chart.js';

describe('caseload chart', () => {
  const months = [
    { month: '2026-01', openRequests: 4, liveMatches: 2 },
    { month: '2026-02', openRequests: 0, liveMatches: 0 },
    { month: '2026-03', openRequests: 2, liveMatches: 4 },
  ];

  it('when months are drawn, then each has a bar per series scaled to the largest value, and none for zero', () => {
    const chart = caseloadChartOf(months);
    assert.equal(chart.max, 4);
    const plotHeight = chart.plotBottom - chart.top;
    assert.deepEqual(
      chart.months.map((month) => month.bars.map((bar) => [bar.series, bar.height])),
      [
        [
          ['requests', plotHeight],
          ['matches', plotHeight / 2],
        ],
        [],
        [
          ['requests', plotHeight / 2],
          ['matches', plotHeight],
        ],
      ],
    );
    for (const month of chart.months)
      for (const bar of month.bars)
        assert.equal(bar.y + bar.height, chart.plotBottom, 'bars stand on the axis');
  });

  it("when a month's matches bar is drawn, then it stands right of its requests bar, within the chart", () => {
    const [first] = caseloadChartOf(months).months;
    const [requests, matches] = first!.bars;
    assert.ok(matches!.x > requests!.x + requests!.width - 1);
    assert.ok(matches!.x + matches!.width <= 320);
  });

  it('when there is nothing at all, then the scale still has a top and no bar is drawn', () => {
    const chart = caseloadChartOf([{ month: '2026-01', openRequests: 0, liveMatches: 0 }]);
    assert.equal(chart.max, 1);
    assert.deepEqual(chart.months[0]!.bars, []);
  });
});
