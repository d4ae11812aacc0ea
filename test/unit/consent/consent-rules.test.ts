import assert from 'node:assert/strict';
import {
  ageBand,
  DEFAULT_RULES,
  gate,
  isDueReminder,
  visibleFields,
  type ConsentRules,
  type ConsentState,
} from '../../../src/components/consent/consent-rules.js';

const now = new Date('2026-06-01T12:00:00Z');
const later = new Date('2027-06-01T12:00:00Z');
const earlier = new Date('2026-05-01T12:00:00Z');
let counter = 0;

function consent(overrides: Partial<ConsentState> = {}): ConsentState {
  counter += 1;
  return {
    consentId: `c${counter}`,
    consenter: 'guardian',
    initials: `P${counter}`,
    custody: 'sole',
    purposes: ['share-details', 'take-part'],
    recipients: ['organisation', 'adult'],
    fields: ['alias', 'age', 'interests'],
    validUntil: later,
    withdrawnAt: null,
    ...overrides,
  };
}

const rules: ConsentRules = { ...DEFAULT_RULES };

describe('consent gate: guardians and custody', () => {
  it('when nobody has consented, then both stages are refused, naming each purpose as missing a guardian', () => {
    const activation = gate([], rules, 'activation', 10, now);
    assert.equal(activation.ok, false);
    assert.deepEqual(activation.missing, [
      { purpose: 'share-details', who: 'guardian' },
      { purpose: 'take-part', who: 'guardian' },
    ]);
    assert.equal(gate([], rules, 'proposal', 10, now).ok, false);
  });

  it('when one guardian with sole custody consents to both purposes, then both stages pass', () => {
    const consents = [consent()];
    assert.equal(gate(consents, rules, 'proposal', 10, now).ok, true);
    assert.deepEqual(gate(consents, rules, 'activation', 10, now), { ok: true, missing: [], warnings: [] });
  });

  it('when custody is joint and one guardian has consented, then the second guardian is missing', () => {
    const result = gate([consent({ custody: 'joint' })], rules, 'activation', 10, now);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.missing.map((missing) => missing.who),
      ['second-guardian', 'second-guardian'],
    );
  });

  it('when custody is joint and both guardians have consented, then it passes', () => {
    const consents = [
      consent({ custody: 'joint', initials: 'AB' }),
      consent({ custody: 'joint', initials: 'CD' }),
    ];
    assert.equal(gate(consents, rules, 'activation', 10, now).ok, true);
  });

  it('when the same guardian is recorded twice under joint custody, then it still counts as one', () => {
    const consents = [
      consent({ custody: 'joint', initials: 'AB' }),
      consent({ custody: 'joint', initials: 'AB' }),
    ];
    assert.equal(gate(consents, rules, 'activation', 10, now).ok, false);
  });

  it('when a guardian consented only to sharing, then the proposal passes and activation misses taking part', () => {
    const consents = [consent({ purposes: ['share-details'] })];
    assert.equal(gate(consents, rules, 'proposal', 10, now).ok, true);
    assert.deepEqual(gate(consents, rules, 'activation', 10, now).missing, [
      { purpose: 'take-part', who: 'guardian' },
    ]);
  });

  it('when only the young person has consented, then a guardian is still missing', () => {
    const result = gate([consent({ consenter: 'young-person' })], rules, 'activation', 16, now);
    assert.equal(result.ok, false);
    assert.equal(result.missing[0]?.who, 'guardian');
  });
});

describe('consent gate: expiry and withdrawal', () => {
  it('when the consent expired yesterday, then it counts for nothing', () => {
    assert.equal(gate([consent({ validUntil: earlier })], rules, 'activation', 10, now).ok, false);
  });

  it('when the consent runs out exactly now, then it no longer counts', () => {
    assert.equal(gate([consent({ validUntil: now })], rules, 'activation', 10, now).ok, false);
  });

  it('when the consent was withdrawn, then it counts for nothing', () => {
    assert.equal(gate([consent({ withdrawnAt: earlier })], rules, 'activation', 10, now).ok, false);
  });

  it('when one of two joint-custody guardians withdrew, then the second guardian is missing again', () => {
    const consents = [consent({ custody: 'joint' }), consent({ custody: 'joint', withdrawnAt: earlier })];
    assert.equal(gate(consents, rules, 'activation', 10, now).missing[0]?.who, 'second-guardian');
  });
});

describe('consent gate: the young person from 15', () => {
  it('when the child is 14, then the young person is not asked', () => {
    assert.deepEqual(gate([consent()], rules, 'activation', 14, now).warnings, []);
  });

  it('when the child is 15 without their own consent, then it is a warning, not a block', () => {
    const result = gate([consent()], rules, 'activation', 15, now);
    assert.equal(result.ok, true);
    assert.deepEqual(
      result.warnings.map((warning) => warning.who),
      ['young-person', 'young-person'],
    );
  });

  it('when the young person has consented too, then there is no warning', () => {
    const result = gate([consent(), consent({ consenter: 'young-person' })], rules, 'activation', 16, now);
    assert.deepEqual(result.warnings, []);
  });

  it('when the municipality does not ask young people, then there is no warning', () => {
    const result = gate([consent()], { ...rules, youthConsentAsked: false }, 'activation', 16, now);
    assert.deepEqual(result.warnings, []);
  });

  it('when the municipality asks from 13, then a 13-year-old gets the warning', () => {
    assert.equal(gate([consent()], { ...rules, youthAge: 13 }, 'activation', 13, now).warnings.length, 2);
  });
});

describe('consent: the fields a recipient may see', () => {
  it('when there is no consent, then nothing is visible', () => {
    assert.deepEqual(visibleFields([], rules, 'adult', 10, now), []);
  });

  it('when a guardian lists some fields, then exactly those are visible, in a fixed order', () => {
    const consents = [consent({ fields: ['interests', 'alias'] })];
    assert.deepEqual(visibleFields(consents, rules, 'adult', 10, now), ['alias', 'interests']);
  });

  it('when the consent names only the organisation, then the adult sees nothing', () => {
    const consents = [consent({ recipients: ['organisation'] })];
    assert.deepEqual(visibleFields(consents, rules, 'adult', 10, now), []);
    assert.deepEqual(visibleFields(consents, rules, 'organisation', 10, now), ['alias', 'age', 'interests']);
  });

  it('when two guardians list different fields, then only the fields both list are visible', () => {
    const consents = [
      consent({ custody: 'joint', fields: ['alias', 'age', 'needTags'] }),
      consent({ custody: 'joint', fields: ['age', 'needTags', 'languages'] }),
    ];
    assert.deepEqual(visibleFields(consents, rules, 'organisation', 10, now), ['age', 'needTags']);
  });

  it('when joint custody lacks the second guardian, then nothing is visible', () => {
    assert.deepEqual(visibleFields([consent({ custody: 'joint' })], rules, 'adult', 10, now), []);
  });

  it('when the sharing consent is missing (only taking part), then nothing is visible', () => {
    assert.deepEqual(visibleFields([consent({ purposes: ['take-part'] })], rules, 'adult', 10, now), []);
  });

  it('when the consent expired or was withdrawn, then nothing is visible', () => {
    assert.deepEqual(visibleFields([consent({ validUntil: earlier })], rules, 'adult', 10, now), []);
    assert.deepEqual(visibleFields([consent({ withdrawnAt: earlier })], rules, 'adult', 10, now), []);
  });

  it('when the young person has not consented at 16, then the fields are still visible (a warning only)', () => {
    assert.deepEqual(visibleFields([consent()], rules, 'adult', 16, now), ['alias', 'age', 'interests']);
  });
});

describe('consent: age band and reminders', () => {
  it('when ages are banded, then each falls in a wide band', () => {
    assert.deepEqual([5, 6, 9, 10, 12, 13, 15, 16, 17].map(ageBand), [
      '0-5',
      '6-9',
      '6-9',
      '10-12',
      '10-12',
      '13-15',
      '13-15',
      '16-17',
      '16-17',
    ]);
  });

  it('when valid-until is within 30 days, then a reminder is due; further away or withdrawn, not', () => {
    const soon = new Date(now.getTime() + 29 * 86_400_000);
    const far = new Date(now.getTime() + 31 * 86_400_000);
    assert.equal(isDueReminder(consent({ validUntil: soon }), now), true);
    assert.equal(isDueReminder(consent({ validUntil: far }), now), false);
    assert.equal(isDueReminder(consent({ validUntil: soon, withdrawnAt: earlier }), now), false);
  });
});
