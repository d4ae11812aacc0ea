import assert from 'node:assert/strict';
import {
  addDays,
  applyOrder,
  applyOutcome,
  certificateState,
  consentWindowDaysLeft,
  hasCurrentConsent,
  isDueReminder,
  mayGiveConsent,
  mayWithdrawConsent,
  orderRefusal,
  outcomeRefusal,
  renewalConsentWanted,
  type ChildCertificate,
} from '../../../src/components/vetting/vetting-rules.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const day = (offset: number) => addDays(NOW, offset);

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

describe('vetting rules', () => {
  describe('certificate state', () => {
    const cases: Array<[string, ChildCertificate | undefined, string]> = [
      ['nothing recorded', undefined, 'no-consent'],
      ['consent given', { consentGivenAt: day(-1) }, 'consented'],
      ['consent withdrawn', { consentGivenAt: day(-3), consentWithdrawnAt: day(-1) }, 'consent-withdrawn'],
      [
        'consent given again after withdrawing',
        { consentGivenAt: day(-1), consentWithdrawnAt: day(-3) },
        'consented',
      ],
      ['ordered 3 days ago', { consentGivenAt: day(-4), orderedAt: day(-3) }, 'ordered'],
      ['ordered 15 days ago, no outcome', { consentGivenAt: day(-16), orderedAt: day(-15) }, 'window-passed'],
      ['clear and valid', clearCertificate(day(100)), 'clear'],
      ['clear but expired', clearCertificate(day(-1)), 'expired'],
      [
        'needs assessment',
        { consentGivenAt: day(-9), orderedAt: day(-8), outcome: 'needs-assessment', outcomeAt: day(-2) },
        'needs-assessment',
      ],
      [
        'lapsed',
        { consentGivenAt: day(-30), orderedAt: day(-29), outcome: 'lapsed', outcomeAt: day(-10) },
        'lapsed',
      ],
      ['expired, new consent given', { ...clearCertificate(day(-1)), consentGivenAt: day(-1) }, 'consented'],
      [
        'renewal ordered while still valid',
        { ...clearCertificate(day(50)), consentGivenAt: day(-2), orderedAt: day(-1) },
        'ordered',
      ],
    ];
    for (const [name, certificate, expected] of cases) {
      it(`when ${name}, then the certificate is "${expected}"`, () => {
        assert.equal(certificateState(certificate, NOW), expected);
      });
    }
  });

  describe('ordering and outcomes', () => {
    const orders: Array<[string, ChildCertificate | undefined, string | undefined]> = [
      ['no consent', undefined, 'no-consent'],
      ['a current consent', { consentGivenAt: day(-1) }, undefined],
      ['a withdrawn consent', { consentGivenAt: day(-2), consentWithdrawnAt: day(-1) }, 'consent-withdrawn'],
      ['a pending order', { consentGivenAt: day(-2), orderedAt: day(-1) }, 'already-ordered'],
      ['the consent used by the last order', { ...clearCertificate(day(100)) }, 'no-consent'],
      [
        'a new consent after the last order',
        { ...clearCertificate(day(30)), consentGivenAt: day(-1) },
        undefined,
      ],
    ];
    for (const [name, certificate, expected] of orders) {
      it(`when ordering with ${name}, then the answer is ${expected ?? 'allowed'}`, () => {
        assert.equal(orderRefusal(certificate), expected);
      });
    }

    const outcomes: Array<[string, ChildCertificate | undefined, 'clear' | 'lapsed', string | undefined]> = [
      ['nothing was ordered', { consentGivenAt: day(-1) }, 'clear', 'not-ordered'],
      ['the order already has an outcome', clearCertificate(day(100)), 'clear', 'not-ordered'],
      ['an order is pending', { consentGivenAt: day(-3), orderedAt: day(-2) }, 'clear', undefined],
      [
        'lapsed within the 14 days',
        { consentGivenAt: day(-3), orderedAt: day(-13) },
        'lapsed',
        'window-open',
      ],
      ['lapsed after the 14 days', { consentGivenAt: day(-16), orderedAt: day(-14) }, 'lapsed', undefined],
    ];
    for (const [name, certificate, outcome, expected] of outcomes) {
      it(`when recording "${outcome}" and ${name}, then the answer is ${expected ?? 'allowed'}`, () => {
        assert.equal(outcomeRefusal(certificate, outcome, NOW), expected);
      });
    }

    it('when a clear outcome is recorded, then it is valid for the months given and renewal is due 60 days before', () => {
      const ordered = applyOrder({ consentGivenAt: day(-2) }, 'c1', day(-1));
      const done = applyOutcome(ordered, 'clear', 'c2', NOW, 12);
      assert.deepEqual(done.validUntil, new Date('2027-06-15T10:00:00Z'));
      assert.deepEqual(done.renewalDueAt, addDays(new Date('2027-06-15T10:00:00Z'), -60));
      assert.equal(done.orderedBy, 'c1');
      assert.equal(done.outcomeBy, 'c2');
    });

    it('when a renewal needs assessment, then the earlier validity is withdrawn; when it lapses, it stands', () => {
      const renewal = { ...clearCertificate(day(30)), consentGivenAt: day(-16), orderedAt: day(-15) };
      assert.equal(applyOutcome(renewal, 'needs-assessment', 'c', NOW, 24).validUntil, undefined);
      assert.deepEqual(applyOutcome(renewal, 'lapsed', 'c', NOW, 24).validUntil, day(30));
    });

    it('when consent is withdrawn while an order waits, then it may be withdrawn once, and the order stays pending', () => {
      const pending = { consentGivenAt: day(-3), orderedAt: day(-2) };
      assert.equal(hasCurrentConsent(pending), false);
      assert.equal(mayWithdrawConsent(pending), true);
      const withdrawn = { ...pending, consentWithdrawnAt: day(-1) };
      assert.equal(mayWithdrawConsent(withdrawn), false);
      assert.equal(outcomeRefusal(withdrawn, 'clear', NOW), undefined);
    });
  });

  describe('consent', () => {
    const cases: Array<[string, ChildCertificate | undefined, boolean, boolean]> = [
      ['nothing recorded', undefined, true, false],
      ['a current consent', { consentGivenAt: day(-1) }, false, true],
      ['a withdrawn consent', { consentGivenAt: day(-2), consentWithdrawnAt: day(-1) }, true, false],
      ['a pending order', { consentGivenAt: day(-2), orderedAt: day(-1) }, false, true],
      ['a valid certificate, renewal not yet due', clearCertificate(day(100)), false, true],
      ['a valid certificate, renewal due', clearCertificate(day(30)), true, true],
      ['an expired certificate', clearCertificate(day(-1)), true, true],
      [
        'an outcome, consent withdrawn after it',
        { ...clearCertificate(day(100)), consentWithdrawnAt: day(-1) },
        false,
        false,
      ],
    ];
    for (const [name, certificate, give, withdraw] of cases) {
      it(`when ${name}, then consent may ${give ? '' : 'not '}be given and may ${withdraw ? '' : 'not '}be withdrawn`, () => {
        assert.equal(mayGiveConsent(certificate, NOW), give);
        assert.equal(mayWithdrawConsent(certificate), withdraw);
      });
    }
  });

  describe("the renewal consent, the volunteer's own step", () => {
    const cases: Array<[string, ChildCertificate | undefined, boolean]> = [
      ['a valid certificate whose renewal is due, no new consent', clearCertificate(day(30)), true],
      ['a valid certificate, renewal not yet due', clearCertificate(day(100)), false],
      [
        'renewal due and the new consent given',
        { ...clearCertificate(day(30)), consentGivenAt: day(-1) },
        false,
      ],
      [
        'renewal due and the renewal already ordered',
        { ...clearCertificate(day(30)), consentGivenAt: day(-2), orderedAt: day(-1) },
        false,
      ],
      // Then the certificate step itself is missing, and counted as such.
      ['an expired certificate', clearCertificate(day(-1)), false],
      ['nothing recorded', undefined, false],
    ];
    for (const [name, certificate, wanted] of cases) {
      it(`when ${name}, then a renewal consent is ${wanted ? '' : 'not '}wanted of the volunteer`, () => {
        assert.equal(renewalConsentWanted(certificate, NOW), wanted);
      });
    }
  });

  describe('the consent window', () => {
    const cases: Array<[number, number | undefined]> = [
      [0, 14],
      [-1, 13],
      [-10, 4],
      [-13.5, 1],
      [-14, 0],
      [-20, 0],
    ];
    for (const [orderedDaysAgo, expected] of cases) {
      it(`when ordered ${-orderedDaysAgo} days ago, then ${expected} days are left`, () => {
        assert.equal(
          consentWindowDaysLeft({ consentGivenAt: day(-30), orderedAt: day(orderedDaysAgo) }, NOW),
          expected,
        );
      });
    }
    it('when nothing is pending, then there is no countdown', () => {
      assert.equal(consentWindowDaysLeft(clearCertificate(day(100)), NOW), undefined);
    });

    const reminders: Array<[string, ChildCertificate, boolean]> = [
      ['ordered 9 days ago', { consentGivenAt: day(-30), orderedAt: day(-9) }, false],
      ['ordered 10 days ago', { consentGivenAt: day(-30), orderedAt: day(-10) }, true],
      ['ordered 13 days ago', { consentGivenAt: day(-30), orderedAt: day(-13) }, true],
      ['ordered 14 days ago', { consentGivenAt: day(-30), orderedAt: day(-14) }, false],
      [
        'ordered 11 days ago with an outcome',
        { ...clearCertificate(day(100)), orderedAt: day(-11), outcomeAt: day(-1) },
        false,
      ],
    ];
    for (const [name, certificate, expected] of reminders) {
      it(`when ${name}, then a reminder is ${expected ? '' : 'not '}due`, () => {
        assert.equal(isDueReminder(certificate, NOW), expected);
      });
    }
  });
});
