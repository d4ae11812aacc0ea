import assert from 'node:assert/strict';
import {
  addMonths,
  closingDueOn,
  copenhagenDate,
  firstDueOn,
  needsEscalation,
  needsReminder,
  nextDueOn,
  shiftedByPause,
  statusOf,
  twoMissedInARow,
  upcomingDueOns,
} from '../../../src/components/followups/followup-rules.js';

/** The regular plan from a start date, as the planner builds it one follow-up at a time. */
function planFrom(activeOn: string, until: string, everyWeeks = 4, pausedDays = 0): string[] {
  const clock = { activeOn, pausedDays };
  const dates = [firstDueOn(clock)];
  while (dates.at(-1)! < until) dates.push(nextDueOn(clock, dates.at(-1)!, everyWeeks));
  return dates;
}

describe('follow-up rules', () => {
  it('when a match starts, then the first follow-up is within 14 days and then every 4 weeks in the first year', () => {
    const plan = planFrom('2026-01-05', '2027-01-05');
    assert.equal(plan[0], '2026-01-19');
    assert.equal(plan[1], '2026-02-16');
    assert.equal(plan[2], '2026-03-16');
    // Every gap in the first twelve months is 28 days.
    const firstYear = plan.filter((on) => on < '2027-01-05');
    assert.equal(firstYear.length, 13);
  });

  it('when the first year is over, then follow-ups come every 12 weeks', () => {
    const plan = planFrom('2026-01-05', '2027-06-30');
    const lastFirstYear = plan.filter((on) => on < '2027-01-05').at(-1)!;
    assert.equal(lastFirstYear, '2026-12-21');
    assert.equal(
      plan[plan.indexOf(lastFirstYear) + 1],
      '2027-01-18',
      '4 weeks: the previous lay in the first year',
    );
    assert.equal(plan[plan.indexOf(lastFirstYear) + 2], '2027-04-12', 'then 12 weeks');
  });

  it('when months end unevenly, then the first year ends on the last day of the shorter month', () => {
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(closingDueOn('2026-01-31'), '2026-03-02');
  });

  it('when daylight saving changes, then a follow-up every 4 weeks keeps its weekday and "today" is the Danish date', () => {
    // 2026-03-29 (summer time starts) and 2026-10-25 (it ends) fall between these dates.
    assert.equal(nextDueOn({ activeOn: '2026-03-01', pausedDays: 0 }, '2026-03-16', 4), '2026-04-13');
    assert.equal(nextDueOn({ activeOn: '2026-03-01', pausedDays: 0 }, '2026-10-12', 4), '2026-11-09');
    // 23:30 UTC on 28 March is already 29 March in Copenhagen (UTC+1), and 22:30 UTC on 25 October (UTC+1 again) is 23:30.
    assert.equal(copenhagenDate(new Date('2026-03-28T23:30:00Z')), '2026-03-29');
    assert.equal(copenhagenDate(new Date('2026-10-25T22:30:00Z')), '2026-10-25');
    assert.equal(copenhagenDate(new Date('2026-07-01T22:30:00Z')), '2026-07-02', 'summer time is UTC+2');
  });

  it('when the cadence changes mid-match, then only follow-ups planned after the change use it', () => {
    const clock = { activeOn: '2026-01-05', pausedDays: 0 };
    const before = nextDueOn(clock, '2026-01-19', 4);
    const after = nextDueOn(clock, before, 2);
    assert.equal(before, '2026-02-16');
    assert.equal(after, '2026-03-02');
  });

  it('when a match was paused, then resuming moves the date on and lengthens the first year by the paused days', () => {
    assert.equal(shiftedByPause('2026-03-16', '2026-03-01', '2026-03-31'), '2026-04-15');
    const paused = { activeOn: '2026-01-05', pausedDays: 30 };
    // Without the pause 2027-01-18 follows 2026-12-21 after 4 weeks and then 12 weeks; with it, still 4.
    assert.equal(nextDueOn(paused, '2027-01-18', 4), '2027-02-15');
    assert.equal(nextDueOn({ ...paused, pausedDays: 0 }, '2027-01-18', 4), '2027-04-12');
  });

  it('when days pass, then a follow-up is scheduled, due (its day and the next), then overdue', () => {
    const open = { state: 'open' as const, dueOn: '2026-03-10' };
    assert.equal(statusOf(open, '2026-03-09'), 'scheduled');
    assert.equal(statusOf(open, '2026-03-10'), 'due');
    assert.equal(statusOf(open, '2026-03-11'), 'due');
    assert.equal(statusOf(open, '2026-03-12'), 'overdue');
    assert.equal(statusOf({ ...open, state: 'done' }, '2026-04-01'), 'done');
  });

  it('when a follow-up is due, then it is reminded from its date for a week, and escalated from 7 days overdue, never while paused or done', () => {
    const open = { state: 'open' as const, dueOn: '2026-03-10' };
    assert.equal(needsReminder(open, '2026-03-09'), false);
    assert.equal(needsReminder(open, '2026-03-10'), true);
    assert.equal(needsReminder(open, '2026-03-16'), true);
    assert.equal(needsReminder(open, '2026-03-17'), false);
    assert.equal(needsEscalation(open, '2026-03-16'), false);
    assert.equal(needsEscalation(open, '2026-03-17'), true);
    assert.equal(needsEscalation({ ...open, paused: true }, '2026-04-17'), false);
    assert.equal(needsEscalation({ ...open, state: 'done' }, '2026-04-17'), false);
    assert.equal(needsReminder({ ...open, state: 'skipped' }, '2026-03-10'), false);
  });

  it('when the last two check-ins whose week has run out were both missed, then the match is flagged; one answered in between clears it', () => {
    const checkIn = (sequence: number, dueOn: string, state: 'open' | 'done' | 'skipped' = 'open') => ({
      sequence,
      dueOn,
      state,
    });
    const today = '2026-04-20';
    assert.equal(twoMissedInARow([checkIn(1, '2026-03-01'), checkIn(2, '2026-03-29')], today), true);
    assert.equal(twoMissedInARow([checkIn(1, '2026-03-01'), checkIn(2, '2026-03-29', 'done')], today), false);
    assert.equal(
      twoMissedInARow(
        [checkIn(1, '2026-03-01', 'done'), checkIn(2, '2026-03-29'), checkIn(3, '2026-04-18')],
        today,
      ),
      false,
      'the third is still within its week',
    );
    assert.equal(
      twoMissedInARow([checkIn(1, '2026-03-01', 'skipped'), checkIn(2, '2026-03-29')], today),
      true,
    );
    assert.equal(twoMissedInARow([checkIn(1, '2026-03-29')], today), false);
  });

  it('when the plan page lists what is still to come, then it follows the planner’s own cadence up to the given day', () => {
    const clock = { activeOn: '2026-01-05', pausedDays: 0 };
    const planned = planFrom('2026-01-05', '2027-06-01');
    const upcoming = upcomingDueOns(clock, planned[0]!, 4, '2027-06-01');
    assert.deepEqual(
      upcoming,
      planned.slice(1).filter((date) => date <= '2027-06-01'),
    );
    assert.deepEqual(upcomingDueOns(clock, '2026-05-01', 4, '2026-05-10'), []);
  });
});
