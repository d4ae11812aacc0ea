import assert from 'node:assert/strict';
import { danishDaysAgo } from '../../../src/demo/demo-dates.js';
import { danishDay } from '../../../src/shared/time/index.js';

describe('demo: dates counted in Danish calendar days', () => {
  it('when the demo is seeded late on a winter evening, then "210 days ago" is 210 Danish days ago despite summer time between', () => {
    const lateEvening = new Date('2026-12-07T22:39:00Z'); // 23:39 in Denmark
    // By the clock alone it would be 00:39 on 12 May in Denmark, a day later.
    assert.equal(danishDay(new Date(lateEvening.getTime() - 210 * 86_400_000)), '2026-05-12');
    assert.equal(danishDay(danishDaysAgo(lateEvening, 210)), '2026-05-11');
  });

  it('when the demo is seeded just after midnight in summer, then the days count from the Danish day, not the UTC one', () => {
    const afterMidnight = new Date('2026-04-01T22:30:00Z'); // 00:30 on 2 April in Denmark
    assert.equal(danishDay(danishDaysAgo(afterMidnight, 30)), '2026-03-03');
    assert.equal(danishDay(danishDaysAgo(afterMidnight, 0)), '2026-04-02');
  });
});
