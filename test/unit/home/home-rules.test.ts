import assert from 'node:assert/strict';
import { arrangeHomeItems, firstStepFor, isQuietHome } from '../../../src/components/home/index.js';
import type { HomeItem, HomeUrgency } from '../../../src/shared/http/index.js';
import { hasNewAnswer, NEW_ANSWER_DAYS } from '../../../src/components/requests/matching-home.js';

const item = (labelKey: string, count: number, urgency?: HomeUrgency): HomeItem => ({
  labelKey,
  count,
  href: '/x',
  ...(urgency ? { urgency } : {}),
});

describe('home rules', () => {
  it('when items are arranged, then work comes first by urgency (worry, overdue, due), then news, and zeros go to the quiet list', () => {
    const arranged = arrangeHomeItems([
      item('zero-due', 0, 'due'),
      item('free-places', 2),
      item('due', 1, 'due'),
      item('overdue', 3, 'overdue'),
      item('running', 5),
      item('worry', 1, 'worry'),
      item('zero-info', 0),
      item('due-later', 4, 'due'),
    ]);
    const labels = (items: HomeItem[]) => items.map((entry) => entry.labelKey);
    assert.deepEqual(labels(arranged.work), ['worry', 'overdue', 'due', 'due-later']);
    assert.deepEqual(labels(arranged.news), ['free-places', 'running']);
    assert.deepEqual(labels(arranged.nothingWaiting), ['zero-due', 'zero-info']);
  });

  it('when a line has a count of zero, then it never carries the work marker, whatever its urgency', () => {
    const arranged = arrangeHomeItems([item('worry', 0, 'worry'), item('overdue', 0, 'overdue')]);
    assert.deepEqual(arranged.work, []);
    assert.equal(arranged.nothingWaiting.length, 2);
  });

  it('when every count is zero (or there are no items), then the home is quiet; one count makes it not', () => {
    assert.equal(isQuietHome([]), true);
    assert.equal(isQuietHome([item('a', 0), item('b', 0)]), true);
    assert.equal(isQuietHome([item('a', 0), item('b', 1)]), false);
  });

  it('when a role has nothing waiting, then its first step is its own starting point', () => {
    assert.equal(firstStepFor('volunteer').href, '/frivillig/foreninger');
    assert.equal(firstStepFor('coordinator').href, '/forening/tilbud');
    assert.equal(firstStepFor('social-worker').href, '/sager/ny');
    assert.equal(firstStepFor('municipal-admin').href, '/kommune/foreninger');
    assert.equal(firstStepFor('platform-admin').href, '/platform/kommuner');
    assert.equal(firstStepFor('none').href, '/konto');
    assert.equal(firstStepFor('social-worker').textKey, 'home.firstStep.socialWorker.text');
  });

  it(`when a proposal was answered within ${NEW_ANSWER_DAYS} days, then the answer is new; older or none is not`, () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const proposed = { state: 'proposed', history: [{ state: 'proposed', at: daysAgo(30) }] };
    assert.equal(hasNewAnswer(proposed, now), false);
    assert.equal(hasNewAnswer({ ...proposed, acceptedByOrg: { at: daysAgo(2) } }, now), true);
    assert.equal(
      hasNewAnswer({ ...proposed, acceptedByVolunteer: { at: daysAgo(NEW_ANSWER_DAYS + 1) } }, now),
      false,
    );
    const declined = {
      state: 'declined',
      history: [...proposed.history, { state: 'declined', at: daysAgo(1) }],
    };
    assert.equal(hasNewAnswer(declined, now), true);
  });
});
