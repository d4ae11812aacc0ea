import assert from 'node:assert/strict';
import { judgeFollowUp } from '../../../src/components/followups/followup-rules.js';

describe('how reports judge a follow-up by its clock', () => {
  const today = '2026-03-20';
  const judge = (state: string, dueOn: string, answeredOn?: string) =>
    judgeFollowUp({ state, dueOn, answeredOn }, today);

  it('when it is answered before, on or the day after its date, then it is on time', () => {
    assert.equal(judge('done', '2026-03-01', '2026-02-27'), 'onTime');
    assert.equal(judge('done', '2026-03-01', '2026-03-01'), 'onTime');
    assert.equal(judge('done', '2026-03-01', '2026-03-02'), 'onTime');
  });

  it('when it is answered two days or more after its date, then it is late', () => {
    assert.equal(judge('done', '2026-03-01', '2026-03-03'), 'late');
    assert.equal(judge('done', '2026-03-01', '2026-03-15'), 'late');
  });

  it('when it is open seven days after its date, or was skipped, then it is missed', () => {
    assert.equal(judge('open', '2026-03-13'), 'missed');
    assert.equal(judge('skipped', '2026-03-19'), 'missed');
  });

  it('when it is open for less than seven days after its date, then it is still pending', () => {
    assert.equal(judge('open', '2026-03-14'), 'pending');
    assert.equal(judge('open', '2026-03-20'), 'pending');
  });

  it('when it was cancelled, then it never counts', () => {
    assert.equal(judge('cancelled', '2026-01-01'), 'cancelled');
  });
});
