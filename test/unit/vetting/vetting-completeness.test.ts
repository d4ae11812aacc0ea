import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  expiresWithin,
  isVettedThrough,
  minimumTrainingHours,
  missingSteps,
  validityMonths,
  type ChildCertificate,
  type VettingFacts,
} from '../../../src/components/vetting/vetting-rules.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const day = (offset: number) => addDays(NOW, offset);
const settings = { minimumTrainingHours: 2 };

const clearCertificate = (validUntil: Date): ChildCertificate => ({
  consentGivenAt: day(-40),
  orderedAt: day(-39),
  orderedBy: 'c',
  outcome: 'clear',
  outcomeAt: day(-30),
  outcomeBy: 'c',
  validUntil,
  renewalDueAt: addDays(validUntil, -60),
});

const complete = (validUntil = day(400)): VettingFacts => ({
  childCertificate: clearCertificate(validUntil),
  interview: {
    heldOn: day(-20),
    interviewer: 'Kim',
    outcome: 'suitable',
    recordedBy: 'c',
    recordedAt: day(-20),
  },
  references: [1, 2].map((slot) => ({ slot, checked: true, checkedBy: 'c', checkedAt: day(-10) })),
  training: { hours: 2, completedOn: day(-5), recordedBy: 'c', recordedAt: day(-5) },
});

describe('vetting rules: completeness and validity', () => {
  describe('missing steps and validity', () => {
    const cases: Array<[string, VettingFacts, Date, string[]]> = [
      [
        'nothing is recorded',
        { childCertificate: {}, references: [] },
        NOW,
        ['childCertificate', 'interview', 'references', 'training'],
      ],
      ['everything is done', complete(), NOW, []],
      ['the certificate runs out before the date', complete(day(100)), day(200), ['childCertificate']],
      [
        'the interview found the person not suitable',
        { ...complete(), interview: { ...complete().interview!, outcome: 'not-suitable' } },
        NOW,
        ['interview'],
      ],
      [
        'one reference said no',
        {
          ...complete(),
          references: [
            { slot: 1, checked: true, checkedBy: 'c', checkedAt: NOW },
            { slot: 2, checked: false, checkedBy: 'c', checkedAt: NOW },
          ],
        },
        NOW,
        ['references'],
      ],
      [
        'the same reference was checked twice',
        {
          ...complete(),
          references: [
            { slot: 1, checked: true, checkedBy: 'c', checkedAt: NOW },
            { slot: 1, checked: true, checkedBy: 'c', checkedAt: NOW },
          ],
        },
        NOW,
        ['references'],
      ],
      [
        'training is too short',
        { ...complete(), training: { ...complete().training!, hours: 1.5 } },
        NOW,
        ['training'],
      ],
    ];
    for (const [name, facts, date, expected] of cases) {
      it(`when ${name}, then missing is [${expected.join(', ')}]`, () => {
        assert.deepEqual(missingSteps(facts, settings, date), expected);
        assert.equal(isVettedThrough(facts, settings, date), expected.length === 0);
      });
    }

    it('when the municipality asks for more training, then 2 hours are not enough', () => {
      assert.equal(isVettedThrough(complete(), { minimumTrainingHours: 3 }, NOW), false);
    });

    const expiring: Array<[number, boolean]> = [
      [-1, false],
      [0, true],
      [59, true],
      [60, true],
      [61, false],
    ];
    for (const [daysLeft, expected] of expiring) {
      it(`when the certificate runs out in ${daysLeft} days, then it is ${expected ? '' : 'not '}expiring within 60 days`, () => {
        assert.equal(expiresWithin(complete(day(daysLeft)), NOW), expected);
      });
    }
  });

  describe('validity period', () => {
    const cases: Array<[number[], number | undefined, number]> = [
      [[], undefined, 24],
      [[24], undefined, 24],
      [[24, 12, 18], undefined, 12],
      [[24], 6, 6],
      [[12], 18, 12],
    ];
    for (const [municipal, own, expected] of cases) {
      it(`when municipalities say [${municipal.join(', ')}] and the organisation ${own ?? 'nothing'}, then ${expected} months`, () => {
        assert.equal(validityMonths(municipal, own), expected);
      });
    }
    it('when municipalities differ on training, then the strictest minimum applies', () => {
      assert.equal(minimumTrainingHours([2, 4, 3]), 4);
      assert.equal(minimumTrainingHours([]), 2);
    });
    it('when adding months to the 31st, then the date is clamped to the month end', () => {
      assert.deepEqual(addMonths(new Date('2026-01-31T12:00:00Z'), 1), new Date('2026-02-28T12:00:00Z'));
      assert.deepEqual(addMonths(new Date('2026-06-15T12:00:00Z'), 24), new Date('2028-06-15T12:00:00Z'));
    });
  });
});
