import assert from 'node:assert/strict';
import {
  canTakeChild,
  isValidWindow,
  overlapMinutes,
} from '../../../src/components/volunteers/volunteer-rules.js';
import { normaliseTags } from '../../../src/shared/http/index.js';

describe('volunteer rules', () => {
  const windows: Array<[string, { weekday: number; from: string; to: string }, boolean]> = [
    ['an ordinary afternoon', { weekday: 2, from: '16:00', to: '18:00' }, true],
    ['a window that ends before it starts', { weekday: 2, from: '18:00', to: '16:00' }, false],
    ['a window of no length', { weekday: 2, from: '16:00', to: '16:00' }, false],
    ['weekday 0', { weekday: 0, from: '16:00', to: '18:00' }, false],
    ['weekday 8', { weekday: 8, from: '16:00', to: '18:00' }, false],
    ['a half weekday', { weekday: 2.5, from: '16:00', to: '18:00' }, false],
    ['24:00', { weekday: 1, from: '20:00', to: '24:00' }, false],
    ['a time without a leading zero', { weekday: 1, from: '9:00', to: '10:00' }, false],
  ];
  for (const [name, window, valid] of windows) {
    it(`when a window is ${name}, then it is ${valid ? 'valid' : 'refused'}`, () => {
      assert.equal(isValidWindow(window), valid);
    });
  }

  it('when tags are typed with spaces, capitals, duplicates and a decomposed å, then they are one clean list', () => {
    const decomposed = 'ha\u030Andbold';
    assert.deepEqual(normaliseTags(` Håndbold, ${decomposed} ,FODBOLD,, lektie   hjælp `), [
      'håndbold',
      'fodbold',
      'lektie hjælp',
    ]);
  });

  it('when more than ten tags are typed, then the first ten are kept', () => {
    assert.equal(normaliseTags(Array.from({ length: 15 }, (_, i) => `tag${i}`).join(',')).length, 10);
  });

  it('when two schedules share part of a weekday, then the overlap is the shared minutes', () => {
    const volunteer = [{ weekday: 2, from: '16:00', to: '18:00' }];
    assert.equal(overlapMinutes(volunteer, [{ weekday: 2, from: '17:00', to: '19:00' }]), 60);
    assert.equal(overlapMinutes(volunteer, [{ weekday: 3, from: '16:00', to: '18:00' }]), 0);
    assert.equal(overlapMinutes(volunteer, [{ weekday: 2, from: '18:00', to: '19:00' }]), 0);
  });

  it('when a profile is paused or full, then it cannot take a child', () => {
    assert.equal(canTakeChild({ status: 'active', maxChildren: 1 }, 0), true);
    assert.equal(canTakeChild({ status: 'active', maxChildren: 1 }, 1), false);
    assert.equal(canTakeChild({ status: 'paused', maxChildren: 3 }, 0), false);
  });
});
