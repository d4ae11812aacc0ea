import assert from 'node:assert/strict';
import { firstMeetingAhead, nextMeeting } from '../../../src/components/requests/after-acceptance-rules.js';

// 2026-12-08 is a Tuesday; 14:00 UTC is 15:00 in Copenhagen (winter time).
const tuesdayAfternoon = new Date('2026-12-08T14:00:00Z');

describe('after acceptance: the first meeting', () => {
  it('when the offer meets later today, then the first meeting is today', () => {
    assert.deepEqual(nextMeeting([{ weekday: 2, from: '16:00', to: '17:00' }], tuesdayAfternoon), {
      weekday: 2,
      from: '16:00',
      to: '17:00',
      on: '2026-12-08',
    });
  });

  it("when today's time has begun, then it is the same weekday next week", () => {
    assert.equal(
      nextMeeting([{ weekday: 2, from: '14:30', to: '16:00' }], tuesdayAfternoon)?.on,
      '2026-12-15',
    );
  });

  it('when the offer meets on several days, then the soonest one is chosen, across the weekend', () => {
    const schedule = [
      { weekday: 1, from: '17:00', to: '18:00' },
      { weekday: 4, from: '16:00', to: '17:30' },
    ];
    assert.deepEqual(nextMeeting(schedule, tuesdayAfternoon), { ...schedule[1], on: '2026-12-10' });
    const saturday = new Date('2026-12-12T10:00:00Z');
    assert.deepEqual(nextMeeting(schedule, saturday), { ...schedule[0], on: '2026-12-14' });
  });

  it('when it is just before midnight UTC, then the Danish calendar day counts', () => {
    // 23:30 UTC on Monday is 00:30 on Tuesday in Copenhagen.
    const lateMonday = new Date('2026-12-07T23:30:00Z');
    assert.equal(nextMeeting([{ weekday: 2, from: '16:00', to: '17:00' }], lateMonday)?.on, '2026-12-08');
  });

  it('when the offer names no times, then there is no first meeting to show', () => {
    assert.equal(nextMeeting([], tuesdayAfternoon), undefined);
  });

  it('when the match has started, then its meetings are no longer a first meeting', () => {
    assert.equal(firstMeetingAhead('accepted'), true);
    assert.equal(firstMeetingAhead('awaiting-consent'), true);
    assert.equal(firstMeetingAhead('active'), false);
    assert.equal(firstMeetingAhead('paused'), false);
  });
});
